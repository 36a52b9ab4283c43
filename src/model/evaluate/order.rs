//! The order in which cells driven by other cells are evaluated, and the cycles that forbid one.

/// The dependency order of cells driven by other cells: `(order, cycle)`. `order` lists every
/// cell that some effect targets while reading another cell, after the cells it reads; `cycle`
/// is the cells of one cycle (in driving order) when there is one, and then `order` is partial.
#[must_use]
pub fn dependency_order(cells: usize, edges: &[(usize, usize)]) -> (Vec<usize>, Vec<usize>) {
    let mut reads = vec![Vec::new(); cells];
    let mut dependent = vec![false; cells];
    for &(from, to) in edges {
        if from < cells && to < cells {
            reads[to].push(from);
            dependent[to] = true;
        }
    }
    // Depth-first, post-order: a cell after everything it reads. 0 unseen, 1 on the path, 2 done.
    let mut state = vec![0u8; cells];
    let mut order = Vec::new();
    for start in 0..cells {
        if state[start] != 0 {
            continue;
        }
        let mut stack = vec![(start, 0usize)];
        state[start] = 1;
        while let Some(&mut (cell, ref mut next)) = stack.last_mut() {
            if let Some(&r) = reads[cell].get(*next) {
                *next += 1;
                match state[r] {
                    0 => {
                        state[r] = 1;
                        stack.push((r, 0));
                    }
                    1 => {
                        // r is on the path: the cycle runs from r down the path to `cell`.
                        let at = stack.iter().position(|&(c, _)| c == r).unwrap_or(0);
                        let cycle = stack[at..].iter().map(|&(c, _)| c).collect();
                        return (order, cycle);
                    }
                    _ => {}
                }
            } else {
                state[cell] = 2;
                if dependent[cell] {
                    order.push(cell);
                }
                stack.pop();
            }
        }
    }
    (order, Vec::new())
}
