import CZstd
import Foundation
import Synchronization

/// The recorded form of what the history keeps most of — results (JSON) and parsed descriptors
/// (``DocumentArchive``s) —, compressed with Zstandard and a dictionary the history keeps.
///
/// A result's JSON is a few hundred bytes, and alone it compresses to about half: what makes it
/// small is what it shares with the others (member names, rule ids, messages, citations, file
/// names). A dictionary made of the run's own bodies gives each body those: on the benchmark
/// corpus, results take a sixth of the space their JSON took, parsed descriptors a fifteenth
/// (BENCHMARKS.md). Keys stay the digests of the uncompressed forms, so a result is recognised
/// whatever it was recorded with.
///
/// A compressed body is byte `0xC1`, the number of its dictionary (`body_dictionary.id`, a LEB128
/// number; 0 for none), then a Zstandard frame that states its size. Anything else is a body
/// recorded before (a result's JSON as text, an archive starting with its version): read as it is.
///
/// A run whose new bodies of a kind are many (``trainingBytes``) and compress badly with the
/// last dictionary of that kind (or there is none) records a new dictionary, made of a sample of
/// them (``dictionary(from:)``), when it saves twice its own size; a run with few uses the last
/// one. Dictionaries are never deleted: the bodies recorded with them stay readable. A body
/// Zstandard fails to compress (it fails only when memory runs out) is recorded as it is.
///
/// Reading never trusts the bytes: a body whose dictionary is missing, whose frame is damaged or
/// would be larger than ``largestBody`` is unreadable (nil), never a crash.
enum RecordedBodies {
    static let marker: UInt8 = 0xC1
    /// The size of a dictionary made from a run's bodies.
    static let dictionaryBytes = 64 * 1024
    /// A run's new bodies of a kind make a dictionary of their own from this many bytes on (and
    /// keep it when it saves twice its size).
    static let trainingBytes = 512 * 1024
    /// Bodies compressed with the last dictionary to more than this part of their size make a new one.
    static let staleRatio = 0.25
    /// The largest body read back: more is a damaged history.
    static let largestBody = 64 << 20
    /// Zstandard's level: 3, its default (BENCHMARKS.md measures what compressing costs a run).
    static let level: Int32 = 3

    /// What a history keeps: results and parsed descriptors, each with dictionaries of its own.
    enum Kind: String, Sendable {
        case result
        case document
    }

    /// Whether `body` is in the compressed form.
    static func isCompressed(_ body: some Collection<UInt8>) -> Bool { body.first == marker }

    /// A dictionary made of a sample of `bodies`: bodies taken at even steps through them, up to
    /// ``dictionaryBytes``, those that come first nearest the end (Zstandard reaches the end of a
    /// dictionary at the least cost). The same bodies give the same dictionary.
    static func dictionary(from bodies: [[UInt8]]) -> [UInt8] {
        let total = bodies.reduce(0) { $0 + $1.count }
        guard total > 0 else { return [] }
        let step = max(1, Int((Double(total) / Double(dictionaryBytes)).rounded(.up)))
        var picked: [[UInt8]] = []
        var size = 0
        for index in stride(from: 0, to: bodies.count, by: step) {
            let body = bodies[index]
            guard size + body.count <= dictionaryBytes else { continue }
            picked.append(body)
            size += body.count
        }
        return Array(picked.reversed().joined())
    }

    /// `bodies` compressed with `dictionary` (nil: none), on every core.
    static func compress(_ bodies: [[UInt8]], with dictionary: BodyDictionary?) -> [[UInt8]] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, bodies.count / 256))
        let shares = Mutex([[[UInt8]]](repeating: [], count: workers))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let range = (bodies.count * worker / workers)..<(bodies.count * (worker + 1) / workers)
            let context = ZSTD_createCCtx()
            defer { ZSTD_freeCCtx(context) }
            let share = bodies[range].map { compress($0, dictionary: dictionary, context: context) }
            shares.withLock { $0[worker] = share }
        }
        return shares.withLock { Array($0.joined()) }
    }

    private static func compress(_ body: [UInt8], dictionary: BodyDictionary?, context: OpaquePointer?) -> [UInt8] {
        var out: [UInt8] = [marker]
        LEB128.append(dictionary?.number ?? 0, to: &out)
        let header = out.count
        let bound = ZSTD_compressBound(body.count)
        out += repeatElement(0, count: bound)
        let written = out.withUnsafeMutableBufferPointer { buffer in
            body.withUnsafeBufferPointer { source in
                let target = buffer.baseAddress! + header
                if let prepared = dictionary?.compression {
                    return ZSTD_compress_usingCDict(context, target, bound, source.baseAddress, body.count, prepared)
                }
                return ZSTD_compressCCtx(context, target, bound, source.baseAddress, body.count, level)
            }
        }
        // Zstandard fails only when memory runs out (the bound is its own): the body is then
        // recorded as it is, which reads back as a body recorded before compression.
        guard ZSTD_isError(written) == 0 else { return body }
        out.removeLast(bound - written)
        return out
    }

    /// The body `compressed` holds, its dictionary found by `dictionary` (by number); nil when it
    /// is not in the compressed form, its dictionary is not found, or its frame is damaged or
    /// larger than ``largestBody``.
    static func decompress(
        _ compressed: [UInt8], context: OpaquePointer?, dictionary: (Int64) -> BodyDictionary?
    ) -> [UInt8]? {
        guard isCompressed(compressed), let (number, start) = LEB128.read(compressed, at: 1) else { return nil }
        let prepared: BodyDictionary?
        if number == 0 {
            prepared = nil
        } else {
            guard let found = dictionary(number) else { return nil }
            prepared = found
        }
        return compressed.withUnsafeBufferPointer { buffer -> [UInt8]? in
            let frame = buffer.baseAddress! + start
            let frameSize = buffer.count - start
            let size = ZSTD_getFrameContentSize(frame, frameSize)
            guard size != ZSTD_CONTENTSIZE_ERROR, size != ZSTD_CONTENTSIZE_UNKNOWN, size <= UInt64(largestBody) else {
                return nil
            }
            // A frame's stated size is believed up to the limit: the output is that size, and a
            // frame that decompresses to more or less is refused.
            var out = [UInt8](repeating: 0, count: Int(size))
            let written = out.withUnsafeMutableBufferPointer { target in
                if let prepared = prepared?.decompression {
                    return ZSTD_decompress_usingDDict(
                        context, target.baseAddress, target.count, frame, frameSize, prepared)
                }
                return ZSTD_decompressDCtx(context, target.baseAddress, target.count, frame, frameSize)
            }
            guard ZSTD_isError(written) == 0, written == Int(size) else { return nil }
            return out
        }
    }
}

/// A dictionary of the history, prepared once for compressing and decompressing with it.
final class BodyDictionary: @unchecked Sendable {
    let number: Int64
    let bytes: [UInt8]
    // Zstandard's prepared dictionaries are read-only once made: used from every thread at once.
    let compression: OpaquePointer?
    let decompression: OpaquePointer?

    init(number: Int64, bytes: [UInt8]) {
        self.number = number
        self.bytes = bytes
        compression = bytes.withUnsafeBufferPointer {
            ZSTD_createCDict($0.baseAddress, $0.count, RecordedBodies.level)
        }
        decompression = bytes.withUnsafeBufferPointer { ZSTD_createDDict($0.baseAddress, $0.count) }
    }

    deinit {
        ZSTD_freeCDict(compression)
        ZSTD_freeDDict(decompression)
    }
}

/// Unsigned LEB128 numbers: 7 bits a byte, the low ones first.
enum LEB128 {
    static func append(_ value: Int64, to bytes: inout [UInt8]) {
        var value = UInt64(bitPattern: value)
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// The number at `offset` and the offset after it; nil when cut or beyond 2⁶³−1.
    static func read(_ bytes: [UInt8], at offset: Int) -> (Int64, Int)? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        var index = offset
        while index < bytes.count, shift < 63 {
            let byte = bytes[index]
            value |= UInt64(byte & 0x7F) << shift
            index += 1
            if byte < 0x80 { return value <= UInt64(Int64.max) ? (Int64(value), index) : nil }
            shift += 7
        }
        return nil
    }
}
