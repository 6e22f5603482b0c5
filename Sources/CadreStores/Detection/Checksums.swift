/// The check-digit algorithms the detectors validate with.
enum Checksums {
    /// Luhn (ISO/IEC 7812-1) over decimal digit values, most significant first.
    static func luhnIsValid(_ digits: UnsafeBufferPointer<UInt8>) -> Bool {
        var sum = 0
        var double = false
        for d in digits.reversed() {
            var v = Int(d)
            if double {
                v *= 2
                if v > 9 { v -= 9 }
            }
            sum += v
            double.toggle()
        }
        return sum % 10 == 0
    }

    /// ISO 7064 MOD 97-10 as IBANs use it: the first four characters moved to the end, letters
    /// as 10…35; valid when the remainder is 1. `chars` are upper-case ASCII letters and digits.
    static func ibanIsValid(_ chars: UnsafeBufferPointer<UInt8>) -> Bool {
        guard chars.count > 4 else { return false }
        var remainder = 0
        func feed(_ c: UInt8) -> Bool {
            if ASCII.isDigit(c) {
                remainder = (remainder * 10 + ASCII.digitValue(c)) % 97
            } else if ASCII.isUpper(c) {
                remainder = (remainder * 100 + Int(c - 0x41) + 10) % 97
            } else {
                return false
            }
            return true
        }
        for c in chars[4...] where !feed(c) { return false }
        for c in chars[..<4] where !feed(c) { return false }
        return remainder == 1
    }
}
