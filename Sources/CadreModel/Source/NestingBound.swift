/// A quick upper bound on how deeply a YAML text can nest, read from its characters alone.
///
/// The YAML composer recurses once per level, so a deeply nested file could exhaust a thread's
/// stack before any limit is checked. This bound never underestimates: flow brackets are counted
/// (in strings and comments too), and a block collection needs either more indentation than
/// its parent or a `- ` or `? ` indicator on its line, with at most two block collections
/// (a sequence inside a mapping) sharing a column. When the bound is high the parser runs on a
/// thread with a large stack, where libyaml's own limit of 1,000 levels applies first.
enum NestingBound {
    /// The bound for `text`.
    static func of(_ text: String) -> Int {
        var flowDepth = 0
        var maxFlowDepth = 0
        var maxBlockDepth = 0
        var indent = 0
        var atLineStart = true
        var indicators = 0
        var pendingIndicator = false

        func endLine() {
            maxBlockDepth = max(maxBlockDepth, 2 * (indent + 2 * indicators + 1))
            indent = 0
            indicators = 0
            atLineStart = true
        }

        for byte in text.utf8 {
            if pendingIndicator {
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
                    || byte == UInt8(ascii: "\r")
                {
                    indicators += 1
                }
                pendingIndicator = false
            }
            switch byte {
            case UInt8(ascii: "\n"):
                endLine()
            case UInt8(ascii: " ") where atLineStart:
                indent += 1
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                atLineStart = false
                flowDepth += 1
                maxFlowDepth = max(maxFlowDepth, flowDepth)
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                atLineStart = false
                flowDepth = max(0, flowDepth - 1)
            case UInt8(ascii: "-"), UInt8(ascii: "?"):
                atLineStart = false
                pendingIndicator = true
            default:
                atLineStart = false
            }
        }
        if pendingIndicator { indicators += 1 }
        endLine()
        return maxBlockDepth + maxFlowDepth
    }
}
