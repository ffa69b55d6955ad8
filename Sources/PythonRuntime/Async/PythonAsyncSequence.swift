import CPython

/// A Python async iterable (an async generator, `AsyncIterator[T]`) as a Swift `AsyncSequence` of `Element`:
///
/// ```swift
/// for try await line in PythonAsyncSequence<String>(try module.stream_lines.call(10)) { print(line) }
/// ```
///
/// Each step awaits one `__anext__()` on the interpreter's event loop (backpressure: Python produces the next
/// item only when Swift asks for it). When the Swift loop ends early or its task is cancelled, the generator's
/// `aclose()` is scheduled, so its `finally` blocks run. Iterate it once: a second iterator continues the same
/// Python iterator.
public struct PythonAsyncSequence<Element: ConvertibleFromPython>: AsyncSequence, Sendable {
    /// The async iterable.
    public let object: PythonObject

    /// Wraps an async iterable (anything with `__aiter__`).
    public init(_ object: PythonObject) {
        self.object = object
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(object)
    }

    /// Pulls one item per `next()`.
    public final class Iterator: AsyncIteratorProtocol {
        private let iterable: PythonObject
        private var iterator: PythonObject?
        private var finished = false

        init(_ iterable: PythonObject) {
            self.iterable = iterable
        }

        deinit {
            guard !finished, let iterator else { return }
            _ = try? Python.withGIL { () throws(PythonError) in
                let _: PythonObject = try PythonEventLoop.helper("close_later").call(iterator)
            }
        }

        /// The next item, or `nil` after the last.
        /// - Throws: ``PythonError`` if Python raises or an item does not convert; `CancellationError` if the
        ///   task was cancelled (the generator is then closed).
        public func next() async throws -> Element? {
            guard !finished else { return nil }
            let iterator = try self.iterator ?? makeIterator()
            let step: PythonObject = try iterator.attribute("__anext__").call()
            do {
                return try await step.awaited(as: Element.self)
            } catch let error as PythonError where error.typeName == "StopAsyncIteration" {
                finished = true
                return nil
            } catch {
                if !(error is PythonError) { close() }
                throw error
            }
        }

        private func makeIterator() throws(PythonError) -> PythonObject {
            let made: PythonObject = try iterable.attribute("__aiter__").call()
            iterator = made
            return made
        }

        private func close() {
            guard !finished, let iterator else { return }
            finished = true
            _ = try? Python.withGIL { () throws(PythonError) in
                let _: PythonObject = try PythonEventLoop.helper("close_later").call(iterator)
            }
        }
    }
}

extension PythonAsyncSequence: ConvertibleFromPython {
    /// Wraps an async iterable result. The caller holds the GIL.
    /// - Throws: ``PythonError`` (`conversion-failed`) if the object has no `__aiter__`.
    public init(pythonReference object: PyObjectPointer) throws(PythonError) {
        guard PyObject_HasAttrString(object, "__aiter__") != 0 else {
            throw PythonError.conversion(expected: "an async iterable", got: object)
        }
        self.init(PythonObject(borrowing: object))
    }
}
