#include <gtest/gtest.h>
#include "doc/doc.h"
TEST(Doc, ClearKeepsCapacity) {
  parley::Doc d;
  d.tokens.resize(100);
  auto cap = d.tokens.capacity();
  d.clear();
  EXPECT_EQ(d.tokens.size(), 0u);
  EXPECT_EQ(d.tokens.capacity(), cap);
}
