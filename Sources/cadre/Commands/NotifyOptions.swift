import ArgumentParser
import CadreHistory
import Foundation

extension ChangeNotification.Shape: ExpressibleByArgument {}

/// `--notify URL` (repeatable), `--notify-format`, `--notify-timeout`, `--notify-required`: where
/// `recheck` and `diff` post their change report once it is written. See docs/rechecks.md.
struct NotifyOptions: ParsableArguments {
    @Option(
        name: .customLong("notify"),
        help: ArgumentHelp(
            "Post the change report to this webhook (http:// or https://; repeatable; `slack:URL` or `teams:URL` shapes it for that URL).",
            valueName: "url"))
    var urls: [String] = []

    @Option(help: "What the webhooks are sent: json (the report's JSON), slack or teams (default: json).")
    var notifyFormat: ChangeNotification.Shape = .json

    @Option(help: ArgumentHelp("Seconds each attempt to post may take (default: 10).", valueName: "seconds"))
    var notifyTimeout: Double = 10

    @Flag(help: "Exit with status 2 when a notification cannot be delivered (default: only say so).")
    var notifyRequired = false

    func validate() throws {
        guard notifyTimeout > 0, notifyTimeout <= 300 else {
            throw ValidationError("--notify-timeout must be more than 0 and at most 300 seconds")
        }
        _ = try webhooks()
    }

    /// The webhooks named, read.
    func webhooks() throws -> [Webhook] {
        do {
            return try urls.map { try Webhook($0, shape: notifyFormat) }
        } catch {
            throw ValidationError("--notify: \(error)")
        }
    }

    /// Posts `notification` to every webhook, saying on standard error what came of each; false
    /// when one was not delivered.
    func send(_ notification: () -> ChangeNotification) throws -> Bool {
        let webhooks = try webhooks()
        guard !webhooks.isEmpty else { return true }
        let notification = notification()
        var delivery = WebhookDelivery(userAgent: "cadre/\(CadreVersion.number)")
        delivery.timeout = notifyTimeout
        var delivered = true
        for webhook in webhooks {
            let outcome = delivery.post(notification.body(webhook.shape), to: webhook)
            if outcome.delivered {
                printError("cadre: notified \(webhook): \(outcome)")
            } else {
                printError("cadre: warning: could not notify \(webhook): \(outcome)")
                delivered = false
            }
        }
        return delivered
    }

    /// Sends, and exits 2 when a notification failed and --notify-required was given.
    func deliver(_ notification: () -> ChangeNotification) throws {
        if try !send(notification), notifyRequired { throw ExitCode(2) }
    }
}
