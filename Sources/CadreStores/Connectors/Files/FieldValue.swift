/// One value of a file record, valid until the reader moves to the next record.
struct FieldValue {
    enum Kind { case null, text, number, boolean, nested }
    var kind: Kind
    /// The value's bytes: decoded text for `.text`, the literal for numbers, booleans and nested JSON.
    var bytes: UnsafeBufferPointer<UInt8>

    static var null: FieldValue { FieldValue(kind: .null, bytes: UnsafeBufferPointer(start: nil, count: 0)) }

    /// The instant the value denotes, in Unix seconds (``DateSemantics``), or nil when unreadable.
    var epochSeconds: Double? {
        switch kind {
        case .number: Double(String(decoding: bytes, as: UTF8.self)).map(DateSemantics.seconds(fromEpoch:))
        case .text:
            TimestampText.epochSeconds(bytes) ?? TimestampText.number(bytes).map(DateSemantics.seconds(fromEpoch:))
        default: nil
        }
    }
}

/// A record source of a file store: CSV or JSONL.
protocol FileRecordReader: AnyObject {
    /// Moves to the next record; false at the end of the file.
    func next() throws(StoreError) -> Bool
    /// The value of requested column `k` in the current record.
    func value(_ k: Int) -> FieldValue
}
