// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "swift-pybindgen",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "PythonRuntime", targets: ["PythonRuntime"]),
        .executable(name: "pybindgen", targets: ["pybindgen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CPython",
            path: "Sources/CPython",
            pkgConfig: "python3-embed",
            providers: [.apt(["libpython3-dev", "pkg-config"]), .brew(["python3"])]
        ),
        .target(
            name: "PythonRuntime",
            dependencies: ["CPython", .product(name: "BigInt", package: "BigInt")]
        ),
        .executableTarget(
            name: "pybindgen",
            dependencies: ["PythonRuntime", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "PythonRuntimeTests",
            dependencies: ["PythonRuntime", "pybindgen"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
