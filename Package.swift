// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "swift-pybindgen",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "PythonRuntime", targets: ["PythonRuntime"]),
        .executable(name: "pybindgen", targets: ["pybindgen"]),
        .library(name: "PyBindGenCore", targets: ["PyBindGenCore"]),
        .library(name: "PyBindGenIntrospection", targets: ["PyBindGenIntrospection"]),
        .library(name: "PythonWorkers", targets: ["PythonWorkers"]),
        .library(name: "PythonCluster", targets: ["PythonCluster"]),
        .library(name: "PyBuiltins", targets: ["PyBuiltins"]),
        .library(name: "PyOperator", targets: ["PyOperator"]),
        .library(name: "PyMath", targets: ["PyMath"]),
        .library(name: "PyDatetime", targets: ["PyDatetime"]),
        .plugin(name: "PyBindGenPlugin", targets: ["PyBindGenPlugin"]),
        .plugin(name: "PyBindGenCommand", targets: ["PyBindGenCommand"]),
    ],
    dependencies: [
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        // `swift package generate-documentation`: the DocC catalogs, built in CI with warnings as errors.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CPython",
            path: "Sources/CPython",
            pkgConfig: "python3-embed",
            providers: [.apt(["libpython3-dev", "pkg-config"]), .brew(["python3"])]
        ),
        .target(name: "GILDepth"),
        .target(name: "SystemShims"),
        .target(
            name: "PythonRuntime",
            dependencies: [
                "CPython", "GILDepth", "SystemShims", .product(name: "BigInt", package: "BigInt"),
                .product(name: "ComplexModule", package: "swift-numerics"),
                .product(name: "RealModule", package: "swift-numerics"),
            ]
        ),
        .target(
            name: "PythonWorkers",
            dependencies: [
                "CPython", "PythonRuntime", "SystemShims",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources/worker.py")]
        ),
        .target(name: "PythonCluster", dependencies: ["PythonRuntime", "PythonWorkers"]),
        // The pure stages (model, configuration, translation, rendering): no interpreter.
        .target(name: "PyBindGenCore"),
        // Introspection in the embedded interpreter, the typing environment, and the whole pipeline.
        .target(
            name: "PyBindGenIntrospection",
            dependencies: ["PyBindGenCore", "PythonRuntime"],
            resources: [.copy("Resources/pybindgen_introspect")]
        ),
        .executableTarget(
            name: "pybindgen",
            dependencies: [
                "PythonRuntime", "PyBindGenCore", "PyBindGenIntrospection",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .plugin(name: "PyBindGenPlugin", capability: .buildTool(), dependencies: ["pybindgen"]),
        .plugin(
            name: "PyBindGenCommand",
            capability: .command(
                intent: .custom(
                    verb: "pybindgen", description: "Regenerate the committed typed Python modules from pybindgen.json"),
                permissions: [
                    .writeToPackageDirectory(
                        reason: "pybindgen writes the generated Swift modules into the output folder")
                ]
            ),
            dependencies: ["pybindgen"]
        ),
        .target(name: "PyBuiltins", dependencies: ["PythonRuntime"], path: "Generated/PyBuiltins"),
        .target(name: "PyOperator", dependencies: ["PythonRuntime"], path: "Generated/PyOperator"),
        .target(name: "PyMath", dependencies: ["PythonRuntime"], path: "Generated/PyMath"),
        .target(name: "PyDatetime", dependencies: ["PythonRuntime"], path: "Generated/PyDatetime"),
        .testTarget(
            name: "GeneratedModuleTests",
            dependencies: ["PyBuiltins", "PyOperator", "PyMath", "PyDatetime", "PythonRuntime"]
        ),
        .testTarget(
            name: "ExtraModulesTests",
            dependencies: ["PythonRuntime", "PythonWorkers"],
            plugins: ["PyBindGenPlugin"]
        ),
        .testTarget(
            name: "UserModuleTests",
            dependencies: ["PythonRuntime"],
            exclude: ["python"],
            plugins: ["PyBindGenPlugin"]
        ),
        .testTarget(
            name: "GenerationEndToEndTests", dependencies: ["PyBindGenCore", "PyBindGenIntrospection", "PythonRuntime"]),
        // Pure: renders committed descriptions; needs no interpreter and no network.
        .testTarget(name: "PyBindGenCoreTests", dependencies: ["PyBindGenCore"], exclude: ["References"]),
        .testTarget(
            name: "PyBindGenIntrospectionTests",
            dependencies: ["PyBindGenIntrospection", "PyBindGenCore", "PythonRuntime"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "PluginTests"),
        // A program whose interpreter cannot start, run by PythonRuntimeTests in a process of its own.
        .executableTarget(name: "StartupProbe", dependencies: ["PythonRuntime"], path: "Tests/StartupProbe"),
        // A program whose bindings recorded a package environment, run by PythonRuntimeTests in processes of its own.
        .executableTarget(
            name: "EnvironmentProbe", dependencies: ["PythonRuntime", "PythonWorkers"], path: "Tests/EnvironmentProbe"),
        .testTarget(
            name: "DaskClusterTests",
            dependencies: [
                "PythonCluster", "PythonWorkers", "PythonRuntime", "PyMath", "PyDatetime", "PyBindGenIntrospection",
            ]),
        .testTarget(
            name: "PythonWorkersTests",
            dependencies: [
                "PythonWorkers", "PythonRuntime", "PyMath", "PyBuiltins", "PyDatetime",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            exclude: ["Python"]
        ),
        .testTarget(
            name: "PythonRuntimeTests",
            dependencies: ["PythonRuntime"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
