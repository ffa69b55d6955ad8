# Python's own results for what Sources/StatisticsDemo/main.swift prints.
import statistics
from fractions import Fraction

data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print("mean", statistics.mean(data))
print("median", statistics.median(data))
print("median_low", statistics.median_low([1.0, 3.0, 5.0, 7.0]))
print("stdev", statistics.stdev(data))
half, third = Fraction(1, 2), Fraction(1, 3)
print("sum", half + third)
print("product", half * third)
print("quotient", half / third)
print("limit", Fraction(3.141592653589793).limit_denominator(1000))
