#include "GILDepth.h"

_Thread_local long pybindgen_gil_depth = 0;
