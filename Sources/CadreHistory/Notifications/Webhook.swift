import CadreModel
import Foundation

/// A webhook `cadre recheck --notify` and `cadre diff --notify` post the change report to: an
/// `http://` or `https://` URL and the shape of what it is sent (``ChangeNotification/Shape``).
///
/// A webhook's URL is a secret (a Slack or Teams incoming webhook is authorised by its path alone,
/// and a URL may hold `user:password@`): cadre never prints it, only ``shown`` — its scheme, host
/// and port, the password masked as store URLs are (``StoreURLSecrets/maskingLine(_:)``) and
/// the user name with it, the rest `/…`.
public struct Webhook: Sendable, Hashable, CustomStringConvertible {
    public var url: URL
    public var shape: ChangeNotification.Shape

    /// Reads `--notify`'s value: a URL, or `json:`, `slack:` or `teams:` and a URL (the shape for
    /// that URL; else `shape`).
    ///
    /// - Throws: ``WebhookError`` naming the URL as ``shown`` when it is not an `http://` or
    ///   `https://` URL with a host.
    public init(_ text: String, shape: ChangeNotification.Shape) throws(WebhookError) {
        var text = Substring(text)
        var shape = shape
        for candidate in ChangeNotification.Shape.allCases where text.hasPrefix(candidate.rawValue + ":") {
            let rest = text.dropFirst(candidate.rawValue.count + 1)
            if !rest.hasPrefix("//") {
                shape = candidate
                text = rest
            }
        }
        let shown = Self.shown(String(text))
        guard let url = URL(string: String(text)), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https"
        else { throw WebhookError("`\(shown)` is not an http:// or https:// URL") }
        guard let host = url.host, !host.isEmpty else { throw WebhookError("`\(shown)` names no host") }
        self.url = url
        self.shape = shape
    }

    /// The URL as cadre prints it: never a password, a path or a query.
    public var shown: String { Self.shown(url.absoluteString) }

    public var description: String { "\(shown) (\(shape.rawValue))" }

    /// `text` (a URL as written) with its password masked and all after the authority `/…`.
    static func shown(_ text: String) -> String {
        let masked = StoreURLSecrets.maskingLine(text)
        guard let scheme = masked.range(of: "://") else {
            // Not a URL cadre would post to: its scheme at most.
            return masked.prefix { $0 != ":" && $0 != "/" && $0 != "?" } + (masked.contains(":") ? ":…" : "")
        }
        let rest = masked[scheme.upperBound...]
        let end = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let after = rest[end...]
        var authority = String(rest[..<end])
        // A user name alone can be a token (`https://TOKEN@host`): the whole user information goes.
        if let at = authority.lastIndex(of: "@") { authority = "•••" + authority[at...] }
        return String(masked[..<scheme.upperBound]) + authority
            + (after.isEmpty || after == "/" ? String(after) : "/…")
    }
}

/// A `--notify` value that is not a webhook cadre can post to.
public struct WebhookError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
