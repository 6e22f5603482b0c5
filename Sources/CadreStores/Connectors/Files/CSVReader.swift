/// Streams the records of a CSV file (RFC 4180): a header line naming the columns, then one
/// record per line; fields quoted with `"` may hold delimiters, `""` and line breaks.
///
/// The delimiter is guessed from the header: the most frequent of `,` `;` tab `|` outside quotes
/// (French spreadsheets write `;`). A UTF-8 byte-order mark is skipped, CRLF line ends are fine,
/// blank lines are skipped. An empty unquoted field is null; `""` is an empty string; a record
/// shorter than the header has nulls at the end. Memory: one chunk and one record (at most 64 MiB).
final class CSVReader: FileRecordReader {
    static let maxRecordBytes = 64 << 20

    /// The column names, from the header.
    private(set) var header: [String] = []
    private let reader: FileByteReader
    private var delimiter = UInt8(ascii: ",")
    private let record = RecordBuffer()
    private var fieldStarts: [Int] = []
    private var fieldEnds: [Int] = []
    private var fieldQuoted: [Bool] = []
    /// For each requested column, its index in the header (-1: none).
    private var wanted: [Int] = []
    private(set) var recordNumber = 0

    /// Opens the file and reads its header.
    init(path: String, store: String, table: String) throws(StoreError) {
        reader = try FileByteReader(path: path, store: store, table: table)
        delimiter = try guessDelimiter()
        guard try readRecord() else { return }
        header = (0..<fieldStarts.count).map { k in
            var name = String(decoding: record.slice(fieldStarts[k], fieldEnds[k]), as: UTF8.self)
            if k == 0, name.hasPrefix("\u{FEFF}") { name.removeFirst() }
            return name.trimmingASCIIWhitespace()
        }
    }

    /// Chooses the requested columns (header indices) that ``value(_:)`` answers for.
    func select(_ indices: [Int]) { wanted = indices }

    func next() throws(StoreError) -> Bool {
        while try readRecord() {
            recordNumber += 1
            // A blank line is one empty unquoted field: skip it.
            if fieldStarts.count == 1, fieldEnds[0] == fieldStarts[0], !fieldQuoted[0] { continue }
            return true
        }
        return false
    }

    func value(_ k: Int) -> FieldValue {
        let index = wanted[k]
        guard index >= 0, index < fieldStarts.count else { return .null }
        let (start, end) = (fieldStarts[index], fieldEnds[index])
        if start == end, !fieldQuoted[index] { return .null }
        return FieldValue(kind: .text, bytes: record.slice(start, end))
    }

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    /// Reads one record into `record`; false at the end of the file.
    private func readRecord() throws(StoreError) -> Bool {
        record.reset()
        fieldStarts.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        fieldQuoted.removeAll(keepingCapacity: true)
        var state = State.fieldStart
        var done = false
        var sawByte = false
        var quoted = false
        let delimiter = self.delimiter
        let quote = UInt8(ascii: "\"")
        let newline = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        let record = self.record
        var fieldStart = 0
        func closeField() {
            fieldStarts.append(fieldStart)
            fieldEnds.append(record.count)
            fieldQuoted.append(quoted)
            fieldStart = record.count
            quoted = false
        }
        while !done {
            let more = try reader.consume { bytes in
                var i = 0
                sawByte = sawByte || !bytes.isEmpty
                while i < bytes.count {
                    let b = bytes[i]
                    i += 1
                    switch state {
                    case .fieldStart where b == quote:
                        state = .quoted
                        quoted = true
                    case .fieldStart, .unquoted:
                        if b == delimiter {
                            closeField()
                            state = .fieldStart
                        } else if b == newline {
                            closeField()
                            done = true
                            return i
                        } else if b != carriageReturn {
                            record.append(b)
                            state = .unquoted
                        }
                    case .quoted:
                        if b == quote { state = .quoteInQuoted } else { record.append(b) }
                    case .quoteInQuoted:
                        if b == quote {
                            record.append(quote)
                            state = .quoted
                        } else if b == delimiter {
                            closeField()
                            state = .fieldStart
                        } else if b == newline {
                            closeField()
                            done = true
                            return i
                        } else if b != carriageReturn {
                            record.append(b)  // lenient: text after a closing quote
                            state = .unquoted
                        }
                    }
                }
                return i
            }
            if record.count > Self.maxRecordBytes {
                throw StoreError(
                    .invalidData, store: reader.store, table: reader.table,
                    message: "record \(recordNumber + 1) is larger than 64 MiB (an unclosed quote?)")
            }
            if !more {
                guard sawByte else { return false }  // nothing left: no record
                closeField()
                return true
            }
        }
        return true
    }

    /// The most frequent candidate delimiter on the first line, outside quotes; `,` by default.
    private func guessDelimiter() throws(StoreError) -> UInt8 {
        var counts: [UInt8: Int] = [:]
        _ = try reader.consume { bytes in
            var inQuotes = false
            for b in bytes {
                if b == UInt8(ascii: "\"") { inQuotes.toggle() }
                if b == UInt8(ascii: "\n"), !inQuotes { break }
                if !inQuotes,
                    b == UInt8(ascii: ",") || b == UInt8(ascii: ";") || b == UInt8(ascii: "\t")
                        || b == UInt8(ascii: "|")
                {
                    counts[b, default: 0] += 1
                }
            }
            return 0  // look only; the header is parsed next
        }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? UInt8(ascii: ",")
    }
}

extension String {
    func trimmingASCIIWhitespace() -> String {
        let bytes = Array(utf8)
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
