/// Maps a link or image destination as written in Markdown to the URL the page should use.
///
/// The renderer calls it for every safe destination, e.g. `../measures/x.md`, `AT-0047-2025.md#begruendung`,
/// `#anchor` or `https://…`, together with whether it is a link or an image. Return the URL to emit, or nil to
/// emit the destination unchanged. The result is checked by ``MarkdownURLPolicy`` again and escaped by the
/// renderer, so return it unescaped.
public typealias MarkdownLinkRewriter = @Sendable (_ destination: String, _ kind: MarkdownLink.Kind) -> String?
