/// Pretty-printed JSON moved right, to take its place inside a larger document printed the same
/// way: every line but the empty ones (inside an empty array) starts `spaces` further right.
enum JSONIndent {
    static func indented(_ json: some Collection<UInt8>, by spaces: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(json.count + json.count / 8)
        var lineStart = true
        for byte in json {
            if lineStart, byte != 0x0A { bytes.append(contentsOf: repeatElement(0x20, count: spaces)) }
            bytes.append(byte)
            lineStart = byte == 0x0A
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
