import { describe, it, expect, afterEach } from 'vitest';
import { cellText } from '../../main/attendance/rules/cell-text.ts';
import { setLanguage, t } from '../../main/i18n/index.ts';

// The 考勤表's cells as text (screen and XLSX share the symbols).
describe('the text of a sheet cell', () => {
  afterEach(() => setLanguage('zh-CN'));

  it('a day before the person was hired or of an unpublished roster is blank, never a message key', () => {
    expect(cellText(t, 'none', new Map())).toBe('');
    expect(cellText(t, 'unpublished', new Map())).toBe('');
    setLanguage('en');
    expect(cellText(t, 'none', new Map())).toBe('');
  });

  it('marks join with a slash; leave shows its type’s own symbol, else the generic one', () => {
    expect(cellText(t, 'late+overtime', new Map())).toBe('迟/加');
    expect(cellText(t, 'leave:annual', new Map([['annual', '年']]))).toBe('年');
    expect(cellText(t, 'leave:custom', new Map())).toBe('假');
  });
});
