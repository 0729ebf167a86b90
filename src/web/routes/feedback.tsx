import { useLocation, useSearch } from 'wouter';
import { FeedbackQueue } from '../features/feedback/FeedbackQueue.js';
import { feedbackViews, type FeedbackView, type TicketFilter } from '../features/feedback/api.js';

/** URL ⇄ the feedback queue's filter, so a view can be bookmarked and the back button works. */
export function FeedbackPage() {
  const search = new URLSearchParams(useSearch());
  const [location, navigate] = useLocation();
  const view = search.get('view');
  const filter: TicketFilter = {
    view: feedbackViews.includes(view as FeedbackView) ? (view as FeedbackView) : 'open',
    q: search.get('q') ?? undefined,
    status: search.get('status') ?? undefined,
    categoryId: search.get('categoryId') ?? undefined,
    unitId: search.get('unitId') ?? undefined,
    severity: search.get('severity') ?? undefined,
    channel: search.get('channel') ?? undefined,
    page: Math.max(1, Number(search.get('page') ?? 1) || 1),
  };
  const onChange = (changes: Partial<TicketFilter>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    navigate(`${location}?${next.toString()}`);
  };
  return (
    <div className="feedback">
      <FeedbackQueue filter={filter} onChange={onChange} />
    </div>
  );
}
