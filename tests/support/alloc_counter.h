// Counts every allocation made through operator new, so a test (or bench)
// can assert that a hot path allocates nothing.  Link the
// parley_test_alloc_counter object library: it replaces the global
// operator new/delete for the whole binary.
#pragma once

namespace parley::test {

long allocation_count();

}  // namespace parley::test
