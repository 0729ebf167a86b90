import sanitizeHtml from 'sanitize-html';

/**
 * "Safe formatting" for announcements written by officials: paragraphs, emphasis, lists, line breaks and links to
 * http(s), mailto and tel only. Everything else (scripts, styles, event handlers, javascript: URLs, images, iframes)
 * is removed, on the way in, so what is stored is what any channel may show.
 */
export function sanitizeAnnouncement(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'blockquote'],
    allowedAttributes: { a: ['href', 'rel', 'target'] },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowProtocolRelative: false,
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer', target: '_blank' }) },
    disallowedTagsMode: 'discard',
  }).trim();
}

/** The text of an announcement for channels without formatting (SMS, Zalo, the loudspeaker script). */
export function plainText(html: string): string {
  const blocks = html
    .replace(/<li[^>]*>/gi, '\n- ')
    .replace(/<\/(p|li|h3|h4|blockquote|ul|ol)>|<(ul|ol)[^>]*>|<br\s*\/?>/gi, '\n');
  return sanitizeHtml(blocks, { allowedTags: [], allowedAttributes: {} })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
