// swift-tools-version:6.0
import PackageDescription

/// A package that uses swift-pybindgen the way a user's package does: PyBindGenPlugin generates typed
/// `statistics` and `fractions` modules from Sources/StatisticsDemo/pybindgen.json during `swift build`, and a
/// typed `requests` from Sources/RequestsDemo/pybindgen.json, whose requirements it installs into its cache.
let package = Package(
    name: "PluginFixture",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "swift-pybindgen", path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "StatisticsDemo",
            dependencies: [.product(name: "PythonRuntime", package: "swift-pybindgen")],
            plugins: [.plugin(name: "PyBindGenPlugin", package: "swift-pybindgen")]
        ),
        .executableTarget(
            name: "RequestsDemo",
            dependencies: [.product(name: "PythonRuntime", package: "swift-pybindgen")],
            plugins: [.plugin(name: "PyBindGenPlugin", package: "swift-pybindgen")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
