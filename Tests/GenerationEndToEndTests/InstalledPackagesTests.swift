import Foundation
import PyBindGenCore
import PyBindGenIntrospection
import PythonRuntime
import Testing

/// pybindgen on packages installed from PyPI into a virtual environment, as a user runs it: requests (typed by
/// the stub-only package types-requests), numpy (typed by its own `.pyi` files) and httpx (its inline
/// annotations; its `AsyncClient` methods are coroutines) are generated with `VIRTUAL_ENV` set, compiled in a
/// scratch package, and the typed calls are compared with Python's answers.
@Suite("Installed packages: requests, numpy and httpx from a virtual environment", .serialized)
struct InstalledPackagesTests {
    static let requirements = [
        "requests==2.34.2", "types-requests==2.33.0.20261030", "numpy==2.4.6", "httpx==0.28.1", "six==1.17.0",
    ]

    /// The virtual environment, provisioned once into pybindgen's cache folder (pip's output is shown).
    static let environment: Result<URL, any Error> = Result {
        let versions = try Python.versions()
        let minor = versions.python.split(separator: ".").prefix(2).joined(separator: ".")
        let name =
            "packages-python\(minor)-" + requirements.joined(separator: "-").replacingOccurrences(of: "==", with: "")
        let directory = URL(fileURLWithPath: TypingEnvironment.cacheDirectory()).appendingPathComponent(name)
        let marker = directory.appendingPathComponent(".complete")
        if !FileManager.default.fileExists(atPath: marker.path) {
            try? FileManager.default.removeItem(at: directory)
            try ScratchPackage.run(versions.executable, ["-m", "venv", directory.path])
            try ScratchPackage.run(
                directory.appendingPathComponent("bin/pip").path,
                ["install", "--disable-pip-version-check"] + requirements)
            _ = FileManager.default.createFile(atPath: marker.path, contents: Data())
        }
        return directory
    }

    /// What the typed program prints, one line per check; `expected.py` prints Python's answers for the same.
    static let program = """
        import PythonRuntime

        let values = try PyNumpy.array(object: [1.5, 2.5, 4.0, 8.0])
        print(try [Int](values.shape))
        print(try values.ndim)
        print(try Double(PyNumpy.mean(a: [1.5, 2.5, 4.0, 8.0])))
        print(try Double(PyNumpy.mean(a: values)))
        print(try values.tolist().description)

        let response = try PyRequests.Response(Python.run(\"""
            import requests
            response = requests.Response()
            response.status_code = 404
            response.reason = "Not Found"
            response._content = b'{"error": "missing", "codes": [1, 2]}'
            response.url = "https://example.invalid/item"
            \""")["response"])
        print(try response.statusCode)
        print(try PythonObject(response.ok))
        print(try response.reason)
        print(try response.url)
        print(try response.text)
        print(try [String: PythonObject](response.json())["error"]!)
        do {
            try response.raiseForStatus()
            print("no error")
        } catch {
            print(error.typeName)
        }

        // httpx.AsyncClient, typed: its coroutine methods are async functions, awaited against a local server.
        let server = try Python.run(\"""
            import http.server, threading

            class Handler(http.server.BaseHTTPRequestHandler):
                def do_GET(self):
                    body = ("hello " + self.path.strip("/")).encode()
                    self.send_response(200)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                def log_message(self, *args):
                    pass

            server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            port = server.server_address[1]
            \""")
        let port = try Int(server["port"])
        let client = try PyHttpx.AsyncClient()
        let hello = try await client.get(url: "http://127.0.0.1:\\(port)/ada")
        print(try hello.statusCode)
        print(try hello.text)
        try await client.aclose()

        // requests.get: one declaration, whose `url` takes a String or bytes and `params` a dictionary or text.
        let fetched = try PyRequests.get(url: "http://127.0.0.1:\\(port)/grace", params: ["q": "1"], timeout: 30)
        print(try fetched.statusCode)
        print(try fetched.text)
        """

    static let expected = """
        import json, numpy, requests
        values = numpy.array([1.5, 2.5, 4.0, 8.0])
        print(list(values.shape))
        print(values.ndim)
        print(float(numpy.mean([1.5, 2.5, 4.0, 8.0])))
        print(float(numpy.mean(values)))
        print(values.tolist())
        response = requests.Response()
        response.status_code = 404
        response.reason = "Not Found"
        response._content = b'{"error": "missing", "codes": [1, 2]}'
        response.url = "https://example.invalid/item"
        print(response.status_code)
        print(response.ok)
        print(response.reason)
        print(response.url)
        print(response.text)
        print(response.json()["error"])
        try:
            response.raise_for_status()
            print("no error")
        except requests.HTTPError as error:
            print("requests.exceptions.HTTPError")
        print(200)
        print("hello ada")
        print(200)
        print("hello grace?q=1")
        """

    @Test func generateCompileAndCall() throws {
        let environment = try Self.environment.get()
        let venv = ["VIRTUAL_ENV": environment.path]
        let package = try ScratchPackage(name: "installed-packages")
        let summary = try package.generate(["requests", "numpy", "httpx", "six"], environment: venv)
        // six ships no types; typeshed has them, and the summary says which package to add.
        #expect(
            summary.contains("add the stub package types-six for typed bindings (pip install types-six)"),
            "\(summary)")
        #expect(summary.contains("requests → PyRequests:"))
        #expect(summary.contains("[stub package requests-stubs through mypy"), "\(summary)")
        #expect(summary.contains("[the package's own .pyi stubs through mypy"), "\(summary)")
        #expect(summary.contains("httpx → PyHttpx:"), "\(summary)")
        let typed = try package.buildAndRun(main: Self.program, environment: venv)
        let python = try ScratchPackage.run(
            environment.appendingPathComponent("bin/python").path, ["-c", Self.expected])
        #expect(typed == python)
        // One declaration per Python signature: requests.get is one function, and a call with a type its stubs
        // refuse does not compile.
        let requests = try String(
            contentsOf: package.sources.appendingPathComponent("PyRequests.swift"), encoding: .utf8)
        #expect(requests.components(separatedBy: "public static func get(").count == 2)
        let refused = try package.buildFailure(main: "import PythonRuntime\n_ = try PyRequests.get(url: 1)\n")
        #expect(refused.contains("StringOrBytes"), "\(refused)")
    }
}
