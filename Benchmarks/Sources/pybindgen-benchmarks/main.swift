import Foundation
import PythonRuntime

if CommandLine.arguments.contains("--async-only") {
    try await AsyncBenchmarks.run()
    exit(0)
}
if CommandLine.arguments.contains("--objects-only") {
    try await ObjectBenchmarks.run()
    exit(0)
}
if CommandLine.arguments.contains("--dynamic-only") {
    var dynamic = Harness()
    dynamic.rounds = 15
    try DynamicBenchmarks.register(in: &dynamic)
    dynamic.report(try dynamic.run())
    exit(0)
}
var harness = Harness()
try RuntimeBenchmarks.register(in: &harness)
try GeneratedBenchmarks.register(in: &harness)
try MemberBenchmarks.register(in: &harness)
try ArrayBenchmarks.register(in: &harness)
try ClosureBenchmarks.register(in: &harness)
try DynamicBenchmarks.register(in: &harness)
let versions = try Python.versions()
print("swift-pybindgen benchmarks — \(versions)")
harness.report(try harness.run())
try await AsyncBenchmarks.run()
if !CommandLine.arguments.contains("--no-workers") {
    try await WorkerBenchmarks.run()
    try await ObjectBenchmarks.run()
}
if !CommandLine.arguments.contains("--no-dask") { try await DaskBenchmarks.run() }
