import PythonRuntime

// PyStatistics and PyFractions are generated into this target by PyBindGenPlugin from pybindgen.json.
let data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print("mean", try PyStatistics.mean(data: data))
print("median", try PyStatistics.median(data: data))
print("median_low", try PyStatistics.medianLow(data: [1.0, 3.0, 5.0, 7.0]))
print("stdev", try PyStatistics.stdev(data: data))

let half = try PyFractions.Fraction(numerator: 1, denominator: 2)
let third = try PyFractions.Fraction(numerator: 1, denominator: 3)
print("sum", try half + third)
print("product", try half * third)
print("quotient", try half / third)
print("limit", try PyFractions.Fraction(numerator: 3.141592653589793).limitDenominator(maxDenominator: 1000))
