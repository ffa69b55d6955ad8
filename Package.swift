// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "swift-pybindgen",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "PythonRuntime", targets: ["PythonRuntime"]),
    ],
    dependencies: [
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.0"),
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
        .testTarget(
            name: "PythonRuntimeTests",
            dependencies: ["PythonRuntime"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
