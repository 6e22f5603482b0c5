import Foundation

/// Pretty-printed JSON moved right, to take its place inside a larger document printed the same
/// way: every line but the empty ones (inside an empty array) starts `spaces` further right.
enum JSONIndent {
    static func indented(_ json: Data, by spaces: Int) -> String {
        json.withUnsafeBytes { raw in indented(raw.bindMemory(to: UInt8.self), by: spaces) }
    }

    /// Reads the bytes once to size the result and once to copy them: a report writes one such
    /// piece per system (or per result), so this is on the path of every byte of a JSON report.
    static func indented(_ json: UnsafeBufferPointer<UInt8>, by spaces: Int) -> String {
        var lines = 1
        for byte in json where byte == 0x0A { lines += 1 }
        return String(unsafeUninitializedCapacity: json.count + lines * spaces) { out in
            var written = 0
            var lineStart = true
            for byte in json {
                if lineStart, byte != 0x0A {
                    for _ in 0..<spaces {
                        out[written] = 0x20
                        written += 1
                    }
                }
                out[written] = byte
                written += 1
                lineStart = byte == 0x0A
            }
            return written
        }
    }
}
