// requests and its stubs come from this target's pybindgen.json: the build plugin provisions them into pybindgen's
// cache and the bindings record that environment, so this program runs without VIRTUAL_ENV.
import Foundation
import PythonRuntime

guard CommandLine.arguments.count == 2 else {
    print("usage: RequestsDemo <url>")
    exit(2)
}
do {
    let response: PyRequests.Response = try PyRequests.get(url: CommandLine.arguments[1])
    print("status: \(try response.statusCode)")
    print("ok: \(try response.ok)")
    print("body: \(try response.text)")
} catch {
    print("error: \(error)")
    exit(1)
}
