/// Counts distinct values in bounded memory, for stores that cannot count them in SQL (files).
///
/// Exact — a set of 64-bit hashes of the values — up to ``exactLimit`` distinct values (about
/// 64 MB); past that it switches to a HyperLogLog estimate with 2¹⁴ registers (16 KiB, standard
/// error about 0.8%). Hashes are seeded per process, so nothing here can be turned back into a value.
struct DistinctCounter {
    static let exactLimit = 4_000_000
    private static let precision = 14
    /// Where counting switches from exact to estimated (``exactLimit``; lower in tests).
    let limit: Int
    private var exact: Set<UInt64>? = []
    private var registers: [UInt8] = []

    init(exactLimit: Int = DistinctCounter.exactLimit) {
        limit = exactLimit
    }

    /// Adds a value, identified by its kind tag and bytes.
    mutating func add(kind: UInt8, _ bytes: UnsafeBufferPointer<UInt8>) {
        var hasher = Hasher()
        hasher.combine(kind)
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        // Spread the 64-bit hash (Hasher's output is already well mixed; this fixes its width).
        let hash = UInt64(bitPattern: Int64(hasher.finalize()))
        if exact != nil {
            exact?.insert(hash)
            if let count = exact?.count, count > limit { switchToEstimate() }
        } else {
            addToRegisters(hash)
        }
    }

    /// The number of distinct values added (an estimate past ``exactLimit``).
    var count: Int {
        if let exact { return exact.count }
        let m = Double(registers.count)
        var sum = 0.0
        var zeros = 0
        for r in registers {
            sum += 1 / Double(UInt64(1) << UInt64(r))
            if r == 0 { zeros += 1 }
        }
        let alpha = 0.7213 / (1 + 1.079 / m)
        var estimate = alpha * m * m / sum
        if estimate <= 2.5 * m, zeros > 0 { estimate = m * log(m / Double(zeros)) }  // small-range correction
        return Int(estimate.rounded())
    }

    private mutating func switchToEstimate() {
        registers = Array(repeating: 0, count: 1 << Self.precision)
        for hash in exact ?? [] { addToRegisters(hash) }
        exact = nil
    }

    private mutating func addToRegisters(_ hash: UInt64) {
        let index = Int(hash >> UInt64(64 - Self.precision))
        let rest = hash << UInt64(Self.precision)
        let rank = UInt8(min(rest.leadingZeroBitCount, 64 - Self.precision) + 1)
        if rank > registers[index] { registers[index] = rank }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
