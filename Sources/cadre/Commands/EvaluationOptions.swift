import ArgumentParser
import CadreModel

/// `--as-of`, `--jobs`, `--no-stores`: how the commands that evaluate a workspace once (`evaluate`,
/// `recheck`, `baseline write`) run its rules. (`watch` takes its own `--as-of`: by default the
/// day of each re-check.)
struct EvaluationOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Evaluate under the law in force on this date (YYYY-MM-DD; default: today).", valueName: "date"),
        transform: ISODate.option)
    var asOf: ISODate?

    @Option(help: ArgumentHelp("Workers evaluating in parallel (default: one per core).", valueName: "n"))
    var jobs: Int = 0

    @Flag(help: "Do not read the systems' stores: rules that read them are skipped (stores-not-read).")
    var noStores = false

    func validate() throws {
        guard jobs >= 0 else { throw ValidationError("--jobs must be 0 (one per core) or more, not \(jobs)") }
    }

    /// The date the law is applied on: `--as-of`, else today.
    var date: ISODate { asOf ?? ISODate.today() }
}
