/// The elements of two collections sorted by one key, matched in one walk of both: each pair
/// holds the index of an element found in `a` only, in `b` only, or in both (their keys equal),
/// in key order. Comparing runs, and lists that derive from one full list, are such walks.
func sortedMatch<A: RandomAccessCollection, B: RandomAccessCollection, Key: Comparable>(
    _ a: A, _ b: B, by keyOfA: (A.Element) -> Key, _ keyOfB: (B.Element) -> Key
) -> [(a: A.Index?, b: B.Index?)] {
    var pairs: [(a: A.Index?, b: B.Index?)] = []
    var i = a.startIndex
    var j = b.startIndex
    while i != a.endIndex || j != b.endIndex {
        let x = i != a.endIndex ? keyOfA(a[i]) : nil
        let y = j != b.endIndex ? keyOfB(b[j]) : nil
        if let x, let y, x == y {
            pairs.append((i, j))
            (i, j) = (a.index(after: i), b.index(after: j))
        } else if let x, y.map({ x < $0 }) ?? true {
            pairs.append((i, nil))
            i = a.index(after: i)
        } else {
            pairs.append((nil, j))
            j = b.index(after: j)
        }
    }
    return pairs
}
