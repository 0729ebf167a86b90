import { useTranslation } from 'react-i18next';

export type ReachPreview = {
  perPerson: boolean;
  channels: { channel: 'ZALO' | 'ZNS' | 'SMS' | 'EMAIL' | 'PUSH'; recipients: number; configured: boolean }[];
  none: number;
  unconfigured: string[];
};

/**
 * How an audience will be reached before it is sent: recipients per first channel, those with none at all (to be
 * visited), and a warning for each channel relied on whose provider is not configured.
 */
export function ReachSplit({ reach }: { reach: ReachPreview }) {
  const { t } = useTranslation();
  const count = (n: number) =>
    t(reach.perPerson ? 'announcements.preview.people' : 'announcements.preview.households', { count: n });
  return (
    <div data-testid="reach-split">
      <strong>{t('announcements.preview.title')}</strong>
      <ul>
        {reach.channels.map((c) => (
          <li key={c.channel} data-testid={`split-${c.channel}`}>
            {t('announcements.preview.byChannel', {
              channel: t(`announcements.channel_.${c.channel}`),
              count: count(c.recipients),
            })}
          </li>
        ))}
        {reach.none > 0 && (
          <li data-testid="split-none">{t('announcements.preview.none', { count: count(reach.none) })}</li>
        )}
      </ul>
      {reach.unconfigured.length > 0 && (
        <p className="error" role="alert" data-testid="split-warning">
          {t('announcements.preview.unconfigured', {
            channels: reach.unconfigured.map((c) => t(`announcements.channel_.${c}`)).join(', '),
          })}
        </p>
      )}
    </div>
  );
}
