import ArgumentParser
import Foundation

/// `--color auto|always|never` and `--quiet`: what the commands that report print, the same way
/// everywhere.
struct OutputOptions: ParsableArguments {
    enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
        /// On a terminal, unless `NO_COLOR` is set (to anything) or `TERM` is `dumb`.
        case auto
        /// Always, even into a file or a pipe (a CI log that shows colours).
        case always
        /// Never.
        case never
    }

    @Option(
        help: ArgumentHelp(
            "Colours: auto (on a terminal, unless NO_COLOR is set), always or never.", valueName: "when"))
    var color: ColorChoice = .auto

    @Flag(
        name: .shortAndLong,
        help:
            "Print less: no progress or notes on standard error, and only the summary and the problems with the inputs in the text report."
    )
    var quiet = false

    /// Whether the report written to standard output (not to a file) gets colours.
    func colors(writingToStandardOutput: Bool) -> Bool {
        switch color {
        case .always: true
        case .never: false
        case .auto: writingToStandardOutput && Terminal.colors
        }
    }

    /// Whether progress goes to standard error: a terminal, and not `--quiet`.
    var showsProgress: Bool { !quiet && Terminal.stderrIsTerminal }
}
