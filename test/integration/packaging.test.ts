import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { sourceRoot } from '../../main/app/root.ts';

const config = parse(fs.readFileSync(path.join(sourceRoot, 'electron-builder.yml'), 'utf8'));
const schema = JSON.parse(fs.readFileSync(path.join(sourceRoot, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'));

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own JSON schema", () => {
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('rejects a misspelt key (the schema check is real)', () => {
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    expect(ajv.compile(schema)({ ...config, asarUnpak: ['x'] })).toBe(false);
  });

  it('builds installers for Windows, macOS and Linux with hardened fuses', () => {
    expect(config.win.target.map((t: { target: string }) => t.target)).toEqual(['nsis']);
    expect(config.mac.target.map((t: { target: string }) => t.target)).toEqual(['dmg']);
    expect(config.linux.target.map((t: { target: string }) => t.target).sort()).toEqual(['AppImage', 'deb']);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('unpacks better-sqlite3 from the asar and ships the migrations', () => {
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(config.files).toContain('db/migrations/**');
    const pkg = JSON.parse(fs.readFileSync(path.join(sourceRoot, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('out/main/electron.cjs');
    expect(pkg.dependencies['better-sqlite3']).toMatch(/^\^13/);
  });
});
