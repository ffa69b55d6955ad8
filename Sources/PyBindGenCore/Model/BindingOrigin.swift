/// What a module's bindings were generated against, written into the generated file so the runtime can find the
/// same packages and refuse other versions: the package environment pybindgen provisioned (if the configuration
/// declared requirements) and the installed distributions that provide the module.
public struct BindingOrigin: Sendable, Equatable {
    /// The environment's name under the cache (``EnvironmentLock/Request/environmentName``), or `nil` when the
    /// packages came from the generator's own environment (a `VIRTUAL_ENV`, the system).
    public var environment: String?
    /// Distribution name → version, of the distributions that provide the module (`requests` → `2.34.2`).
    public var distributions: [String: String]

    public init(environment: String? = nil, distributions: [String: String] = [:]) {
        self.environment = environment
        self.distributions = distributions
    }

    /// Nothing to record (a standard-library module or the user's own code, generated without requirements).
    public var isEmpty: Bool { environment == nil && distributions.isEmpty }
}
