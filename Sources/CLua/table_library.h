/*
 * The sandbox's table library: `insert`, `remove`, `move`, `concat`, `unpack`, `pack` and `sort`
 * with Lua 5.4's behaviour and messages, and every loop charged to the call's budget.
 *
 * Lua's own versions loop in C, where the count hook never runs, over ranges a script chooses:
 * `table.move({}, 1, math.maxinteger - 1, 2, {})`, or `table.insert` on a table whose `__len`
 * says 2^62, would run forever. Here each function computes its range once, then charges its
 * loop block by block (clua_charge_block) before running it: the budget or the deadline stops it
 * within a few thousand steps. Metamethods (`__index`, `__newindex`, `__len`, `__lt`) are honoured
 * as in Lua; the Lua code they run is counted by the hook as usual.
 *
 * `sort` is a merge sort: stable, so equal elements keep their order and results never depend on
 * chance (Lua's quicksort picks random pivots on large arrays).
 */
#ifndef CLUA_TABLE_LIBRARY_H
#define CLUA_TABLE_LIBRARY_H

/* What an argument must support to be used as a table. */
#define CLUA_TAB_R 1
#define CLUA_TAB_W 2
#define CLUA_TAB_L 4

/* The results a C function of the sandbox may return at once. A function's results can become a
   call's arguments, which every instruction passing them on copies: a bound on them bounds what
   one instruction costs. */
#define CLUA_MAX_RESULTS 65536

static inline int clua_has_metafield(lua_State *L, const char *field) {
  lua_pushstring(L, field);
  int found = lua_rawget(L, -2) != LUA_TNIL;
  lua_settop(L, -2);
  return found;
}

/* Argument `arg` is a table, or has a metatable with the metamethods `what` needs. */
static inline void clua_check_table(lua_State *L, int arg, int what) {
  if (lua_type(L, arg) == LUA_TTABLE) return;
  if (lua_getmetatable(L, arg)) {
    int ok = (!(what & CLUA_TAB_R) || clua_has_metafield(L, "__index")) &&
             (!(what & CLUA_TAB_W) || clua_has_metafield(L, "__newindex")) &&
             (!(what & CLUA_TAB_L) || clua_has_metafield(L, "__len"));
    lua_settop(L, -2);
    if (ok) return;
  }
  luaL_checktype(L, arg, LUA_TTABLE);
}

/* #t of argument 1, which must support `what` as well. */
static inline lua_Integer clua_table_length(lua_State *L, int what) {
  clua_check_table(L, 1, what | CLUA_TAB_L);
  return luaL_len(L, 1);
}

/* t[to] = t[from] for the `count` positions from `from` upwards (step 1) or downwards (step -1),
   reading from table `source` and writing to table `target` (stack indices). */
static inline void clua_table_shift(lua_State *L, int source, int target, lua_Integer from, lua_Integer to,
                                    lua_Unsigned count, int step) {
  while (count > 0) {
    lua_Unsigned block = clua_charge_block(L, count);
    count -= block;
    for (; block > 0; block--) {
      lua_geti(L, source, from);
      lua_seti(L, target, to);
      from += step;
      to += step;
    }
  }
}

/* table.insert(t, [pos,] value) */
static int clua_table_insert(lua_State *L) {
  lua_Integer end = clua_table_length(L, CLUA_TAB_R | CLUA_TAB_W);
  lua_Integer first_empty = (lua_Integer)((lua_Unsigned)end + 1u);
  lua_Integer position;
  switch (lua_gettop(L)) {
    case 2:
      position = first_empty;
      break;
    case 3:
      position = luaL_checkinteger(L, 2);
      luaL_argcheck(L, (lua_Unsigned)position - 1u < (lua_Unsigned)first_empty, 2, "position out of bounds");
      /* t[i] = t[i - 1] from the end down to the position */
      if (first_empty > position)
        clua_table_shift(L, 1, 1, first_empty - 1, first_empty, (lua_Unsigned)(first_empty - position), -1);
      break;
    default:
      return luaL_error(L, "wrong number of arguments to 'insert'");
  }
  clua_charge(L, 1);
  lua_seti(L, 1, position);
  return 0;
}

/* table.remove(t [, pos]) */
static int clua_table_remove(lua_State *L) {
  lua_Integer size = clua_table_length(L, CLUA_TAB_R | CLUA_TAB_W);
  lua_Integer position = luaL_optinteger(L, 2, size);
  if (position != size)
    luaL_argcheck(L, (lua_Unsigned)position - 1u <= (lua_Unsigned)size, 1, "position out of bounds");
  clua_charge(L, 1);
  lua_geti(L, 1, position);
  if (position < size) {
    /* t[i] = t[i + 1] from the position up to the end */
    clua_table_shift(L, 1, 1, position + 1, position, (lua_Unsigned)(size - position), 1);
    position = size;
  }
  lua_pushnil(L);
  lua_seti(L, 1, position);
  return 1;
}

/* table.move(a1, f, e, t [, a2]) */
static int clua_table_move(lua_State *L) {
  lua_Integer f = luaL_checkinteger(L, 2);
  lua_Integer e = luaL_checkinteger(L, 3);
  lua_Integer t = luaL_checkinteger(L, 4);
  int target = !lua_isnoneornil(L, 5) ? 5 : 1;
  clua_check_table(L, 1, CLUA_TAB_R);
  clua_check_table(L, target, CLUA_TAB_W);
  if (e >= f) {
    luaL_argcheck(L, f > 0 || e < LUA_MAXINTEGER + f, 3, "too many elements to move");
    lua_Integer n = e - f + 1;
    luaL_argcheck(L, t <= LUA_MAXINTEGER - n + 1, 4, "destination wrap around");
    if (t > e || t <= f || (target != 1 && !lua_compare(L, 1, target, LUA_OPEQ)))
      clua_table_shift(L, 1, target, f, t, (lua_Unsigned)n, 1);
    else
      clua_table_shift(L, 1, target, e, t + n - 1, (lua_Unsigned)n, -1);
  }
  lua_pushvalue(L, target);
  return 1;
}

/* table.concat(list [, sep [, i [, j]]]) */
static int clua_table_concat(lua_State *L) {
  lua_Integer last = clua_table_length(L, CLUA_TAB_R);
  size_t separator_length;
  const char *separator = luaL_optlstring(L, 2, "", &separator_length);
  lua_Integer i = luaL_optinteger(L, 3, 1);
  last = luaL_optinteger(L, 4, last);
  luaL_Buffer buffer;
  luaL_buffinit(L, &buffer);
  lua_Unsigned pending = 0;
  for (; i <= last; i++) {
    lua_geti(L, 1, i);
    if (!lua_isstring(L, -1))
      return luaL_error(L, "invalid value (%s) at index %I in table for 'concat'", luaL_typename(L, -1), (LUAI_UACINT)i);
    size_t length;
    lua_tolstring(L, -1, &length);
    pending += 1 + clua_byte_steps(length + separator_length);
    if (pending >= CLUA_BLOCK) {
      clua_charge(L, pending);
      pending = 0;
    }
    luaL_addvalue(&buffer);
    if (i < last) luaL_addlstring(&buffer, separator, separator_length);
    if (i == LUA_MAXINTEGER) break;
  }
  clua_charge(L, pending);
  luaL_pushresult(&buffer);
  return 1;
}

/* table.pack(...) */
static int clua_table_pack(lua_State *L) {
  int n = lua_gettop(L);
  clua_charge(L, (lua_Unsigned)n + 1);
  lua_createtable(L, n, 1);
  lua_insert(L, 1);
  for (int i = n; i >= 1; i--) lua_seti(L, 1, i);
  lua_pushinteger(L, n);
  lua_setfield(L, 1, "n");
  return 1;
}

/* table.unpack(list [, i [, j]]) */
static int clua_table_unpack(lua_State *L) {
  lua_Integer i = luaL_optinteger(L, 2, 1);
  lua_Integer e = luaL_opt(L, luaL_checkinteger, 3, luaL_len(L, 1));
  if (i > e) return 0;
  lua_Unsigned n = (lua_Unsigned)e - (lua_Unsigned)i;   /* one less than the count */
  if (n >= CLUA_MAX_RESULTS || !lua_checkstack(L, (int)(++n)))
    return luaL_error(L, "too many results to unpack (at most %d)", CLUA_MAX_RESULTS);
  clua_charge(L, n);
  for (; i < e; i++) lua_geti(L, 1, i);
  lua_geti(L, 1, e);
  return (int)n;
}

/* Whether value `a` sorts before value `b` (stack indices), by the comparator at index 2 when
   there is one. */
static inline int clua_sorts_before(lua_State *L, int a, int b) {
  if (lua_type(L, 2) == LUA_TFUNCTION) {
    lua_pushvalue(L, 2);
    lua_pushvalue(L, a);
    lua_pushvalue(L, b);
    lua_call(L, 2, 1);
    int before = lua_toboolean(L, -1);
    lua_settop(L, -2);
    return before;
  }
  /* Two strings compare in time proportional to their common length (strcoll): charge it before,
     so a sort of many references to two long strings meets its deadline. */
  if (lua_type(L, a) == LUA_TSTRING && lua_type(L, b) == LUA_TSTRING) {
    size_t length_a = lua_rawlen(L, a), length_b = lua_rawlen(L, b);
    clua_charge(L, clua_byte_steps(length_a < length_b ? length_a : length_b));
  }
  return lua_compare(L, a, b, LUA_OPLT);
}

/* Merges the sorted runs [low, middle) and [middle, high) of table `from` into table `to`
   (positions from 1; stack indices), keeping equal elements in their order. */
static inline void clua_merge(lua_State *L, int from, int to, lua_Integer low, lua_Integer middle, lua_Integer high) {
  lua_Integer left = low, right = middle, out = low;
  while (out < high) {
    clua_charge(L, 1);
    if (left < middle && right < high) {
      lua_rawgeti(L, from, left);
      lua_rawgeti(L, from, right);
      int take_right = clua_sorts_before(L, lua_gettop(L), lua_gettop(L) - 1);
      if (take_right) {
        lua_rawseti(L, to, out);
        lua_settop(L, -2);
        right++;
      } else {
        lua_settop(L, -2);
        lua_rawseti(L, to, out);
        left++;
      }
    } else if (left < middle) {
      lua_rawgeti(L, from, left++);
      lua_rawseti(L, to, out);
    } else {
      lua_rawgeti(L, from, right++);
      lua_rawseti(L, to, out);
    }
    out++;
  }
}

/* table.sort(list [, comp]) */
static int clua_table_sort(lua_State *L) {
  lua_Integer n = clua_table_length(L, CLUA_TAB_R | CLUA_TAB_W);
  if (n <= 1) return 0;
  luaL_argcheck(L, n < INT_MAX, 1, "array too big");
  if (!lua_isnoneornil(L, 2)) luaL_checktype(L, 2, LUA_TFUNCTION);
  lua_settop(L, 2);
  luaL_checkstack(L, 8, "table.sort");
  lua_createtable(L, (int)n, 0);   /* 3: the elements */
  lua_createtable(L, (int)n, 0);   /* 4: room to merge into */
  lua_Integer position = 1;
  for (lua_Unsigned left = (lua_Unsigned)n; left > 0;) {
    lua_Unsigned block = clua_charge_block(L, left);
    left -= block;
    for (; block > 0; block--, position++) {
      lua_geti(L, 1, position);
      lua_rawseti(L, 3, position);
    }
  }
  int from = 3, to = 4;
  for (lua_Integer width = 1; width < n; width *= 2) {
    for (lua_Integer low = 1; low <= n; low += 2 * width) {
      lua_Integer middle = low + width <= n + 1 ? low + width : n + 1;
      lua_Integer high = low + 2 * width <= n + 1 ? low + 2 * width : n + 1;
      clua_merge(L, from, to, low, middle, high);
    }
    int swap = from;
    from = to;
    to = swap;
  }
  position = 1;
  for (lua_Unsigned left = (lua_Unsigned)n; left > 0;) {
    lua_Unsigned block = clua_charge_block(L, left);
    left -= block;
    for (; block > 0; block--, position++) {
      lua_rawgeti(L, from, position);
      lua_seti(L, 1, position);
    }
  }
  return 0;
}

#endif /* CLUA_TABLE_LIBRARY_H */
