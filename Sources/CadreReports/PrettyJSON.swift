/// JSON written the way `JSONEncoder` and `JSONSerialization` print it with `[.prettyPrinted,
/// .sortedKeys, .withoutEscapingSlashes]`, byte for byte, without building the value first: the
/// pieces of a report that repeat per system (or per result) are written straight into bytes, so a
/// large report does not pay for an encoder's boxes and dictionaries on each of them.
///
/// Writers give an object's keys in the order the encoder they stand for sorts them (by bytes for
/// `JSONEncoder`, without regard to case for `JSONSerialization`); tests compare each writer with
/// that encoder. Strings are escaped as both escape them: `"` and `\`, `\b \t \n \f \r`, and the
/// other control characters as `\u00xx`; nothing else (not `/`, not U+2028).
///
/// ```swift
/// var json = PrettyJSON(depth: 1)
/// json.openObject()
/// json.key("id"); json.string("a")
/// json.key("tags"); json.openArray(); json.item(); json.string("x"); json.closeArray()
/// json.closeObject()
/// ```
struct PrettyJSON {
    private(set) var bytes: [UInt8] = []
    /// How many containers are open (the first is indented by nothing).
    private var depth: Int
    /// For each open container: whether nothing is in it yet.
    private var empty: [Bool] = []

    /// A writer whose first container sits `depth` levels in (two spaces each), for a piece
    /// that takes its place inside a larger document.
    init(depth: Int = 0) {
        self.depth = depth
    }

    /// Forgets what was written (keeping the memory), to write the next piece.
    mutating func reset(depth: Int = 0) {
        bytes.removeAll(keepingCapacity: true)
        self.depth = depth
        empty.removeAll(keepingCapacity: true)
    }

    /// The indentation of the current level, as spaces: what goes before a piece's first container.
    mutating func indentation() { indent(depth) }

    mutating func openObject() { open(0x7B) }
    mutating func closeObject() { close(0x7D) }
    mutating func openArray() { open(0x5B) }
    mutating func closeArray() { close(0x5D) }

    /// Starts the member `name` of the open object (names come in sorted order).
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(0x22)
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [0x22, 0x20, 0x3A, 0x20])
    }

    /// Starts the next element of the open array.
    mutating func item() { separate() }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { escape($0) }
    }

    mutating func integer(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func boolean(_ value: Bool) {
        bytes.append(contentsOf: value ? Array("true".utf8) : Array("false".utf8))
    }

    /// `name` and its string value, or nothing when there is no value (as `JSONEncoder` leaves
    /// out a nil optional).
    mutating func field(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    mutating func field(_ name: StaticString, _ value: Int) {
        key(name)
        integer(value)
    }

    /// `name` and an array of strings.
    mutating func field(_ name: StaticString, _ values: [String]) {
        array(name, values) { value, json in json.string(value) }
    }

    /// `name` and an array, each element written by `write`.
    mutating func array<Element>(
        _ name: StaticString, _ elements: [Element], _ write: (Element, inout PrettyJSON) -> Void
    ) {
        key(name)
        openArray()
        for element in elements {
            item()
            write(element, &self)
        }
        closeArray()
    }

    // MARK: - Layout

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        depth += 1
        empty.append(true)
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        bytes.append(0x0A)
        if empty.removeLast() { bytes.append(0x0A) }
        indent(depth)
        bytes.append(bracket)
    }

    private mutating func separate() {
        if empty[empty.count - 1] {
            empty[empty.count - 1] = false
        } else {
            bytes.append(0x2C)
        }
        bytes.append(0x0A)
        indent(depth)
    }

    private mutating func indent(_ level: Int) {
        bytes.append(contentsOf: repeatElement(0x20, count: level * 2))
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func escape(_ text: UnsafeBufferPointer<UInt8>) {
        bytes.append(0x22)
        var start = 0
        for index in 0..<text.count {
            let byte = text[index]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
            if start < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<index])) }
            start = index + 1
            bytes.append(0x5C)
            switch byte {
            case 0x22, 0x5C: bytes.append(byte)
            case 0x08: bytes.append(0x62)  // b
            case 0x09: bytes.append(0x74)  // t
            case 0x0A: bytes.append(0x6E)  // n
            case 0x0C: bytes.append(0x66)  // f
            case 0x0D: bytes.append(0x72)  // r
            default: bytes.append(contentsOf: [0x75, 0x30, 0x30, Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]])
            }
        }
        if start < text.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...])) }
        bytes.append(0x22)
    }
}
