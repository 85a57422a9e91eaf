import {
  CalendarOutlined,
  ClockCircleOutlined,
  FileDoneOutlined,
  TrophyOutlined,
  SafetyCertificateOutlined,
  BarChartOutlined,
  TeamOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

export type AreaKey = 'roster' | 'attendance' | 'leave' | 'appraisal' | 'discipline' | 'reports' | 'people' | 'settings';

/** The app's areas in menu order; `built` is false for areas that still say "not available yet". */
export const areas: Array<{ key: AreaKey; icon: ReactNode; built: boolean }> = [
  { key: 'roster', icon: <CalendarOutlined />, built: true },
  { key: 'attendance', icon: <ClockCircleOutlined />, built: true },
  { key: 'leave', icon: <FileDoneOutlined />, built: true },
  { key: 'appraisal', icon: <TrophyOutlined />, built: true },
  { key: 'discipline', icon: <SafetyCertificateOutlined />, built: true },
  { key: 'reports', icon: <BarChartOutlined />, built: false },
  { key: 'people', icon: <TeamOutlined />, built: true },
  { key: 'settings', icon: <SettingOutlined />, built: true },
];
