import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { clock } from './format.ts';

export interface ChartPoint {
  startMinute: number;
  agents: number;
  scheduled: number;
  planned: number | null;
}

/** Required (online and to schedule) against planned people per interval of one day (ROS-6). */
export function StaffingChart({ points }: { points: ChartPoint[] }) {
  const { t } = useTranslation();
  const data = points.map((p) => ({ ...p, time: clock(p.startMinute) }));
  const withPlanned = points.some((p) => p.planned !== null);
  return (
    <div data-testid="staffing-chart" style={{ width: '100%', height: 280 }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#eef0f3" />
          <XAxis dataKey="time" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="scheduled" name={t('roster.staffing.scheduled')} fill="#bfd4fb" isAnimationActive={false} />
          <Line
            dataKey="agents"
            name={t('roster.staffing.required')}
            type="stepAfter"
            stroke="#1f6feb"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          {withPlanned && (
            <Line
              dataKey="planned"
              name={t('roster.staffing.planned')}
              type="stepAfter"
              stroke="#16a34a"
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
