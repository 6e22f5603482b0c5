import CadreModel

extension StoreEndpoint {
    /// The URL with its `${VAR}` references resolved against `environment`, read by CadreModel's
    /// ``EnvironmentTemplate`` (the syntax `cadre validate` checks: `$${` is a literal `${`). The
    /// result is a ``ResolvedSecret``, which never prints.
    ///
    /// - Throws: ``StoreError/Code/invalidURL`` for an unclosed or malformed reference,
    ///   ``StoreError/Code/missingVariable`` naming the first unset variable (its name, never a
    ///   value).
    func resolvedURL(environment: [String: String]) throws(StoreError) -> ResolvedSecret {
        let template: EnvironmentTemplate
        do {
            template = try EnvironmentTemplate(parsing: url)
        } catch {
            let message =
                switch error.code {
                case .unclosedReference: "the URL has a `${` without its closing `}`"
                default: "the URL has a `${…}` reference that is not a variable name"
                }
            throw StoreError(.invalidURL, store: id, message: message)
        }
        do {
            return try template.resolve(environment: environment)
        } catch {
            throw StoreError(
                .missingVariable, store: id,
                message: "the environment variable \(error.name ?? "") its URL refers to is not set")
        }
    }
}
