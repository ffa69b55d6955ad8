// swift-tools-version:6.0
import PackageDescription

/// Release-mode benchmarks of swift-pybindgen against raw C-API baselines measured in the same run.
/// Run with: swift run -c release --package-path Benchmarks pybindgen-benchmarks
let package = Package(
    name: "swift-pybindgen-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "swift-pybindgen", path: "..")
    ],
    targets: [
        .executableTarget(
            name: "pybindgen-benchmarks",
            dependencies: [
                .product(name: "PythonRuntime", package: "swift-pybindgen"),
                .product(name: "PyMath", package: "swift-pybindgen"),
                .product(name: "PyDatetime", package: "swift-pybindgen"),
                .product(name: "PythonWorkers", package: "swift-pybindgen"),
                .product(name: "PythonCluster", package: "swift-pybindgen"),
                .product(name: "PyBindGenCore", package: "swift-pybindgen"),
                .product(name: "PyBindGenIntrospection", package: "swift-pybindgen"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
