/// Counts in words: `1 system`, `9 systems`.
public enum Plural {
    /// `count` and `noun`, the noun in the plural unless the count is one (`1 rule`, `0 rules`).
    public static func count(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? noun : plural ?? noun + "s")
    }
}
