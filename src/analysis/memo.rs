//! A one-entry cache keyed on its inputs: recomputed only when the key changes.

use std::sync::Arc;

/// The last value computed and the key it was computed for.
#[derive(Debug)]
pub struct Memo<K, V> {
    entry: Option<(K, Arc<V>)>,
}

impl<K, V> Default for Memo<K, V> {
    fn default() -> Self {
        Self { entry: None }
    }
}

impl<K: PartialEq, V> Memo<K, V> {
    /// The value for `key`: the cached one if the key is unchanged, else `compute(&key)`.
    /// The key is compared in place; it is stored (moved) only on a change.
    pub fn get(&mut self, key: K, compute: impl FnOnce(&K) -> V) -> Arc<V> {
        match &self.entry {
            Some((k, v)) if *k == key => Arc::clone(v),
            _ => {
                let v = Arc::new(compute(&key));
                self.entry = Some((key, Arc::clone(&v)));
                v
            }
        }
    }

    /// Like [`Memo::get`] but tests the cached key with `is_key` and builds the owned key
    /// only on a change, so an unchanged frame copies nothing.
    pub fn get_with(
        &mut self,
        is_key: impl FnOnce(&K) -> bool,
        key: impl FnOnce() -> K,
        compute: impl FnOnce(&K) -> V,
    ) -> Arc<V> {
        match &self.entry {
            Some((k, v)) if is_key(k) => Arc::clone(v),
            _ => {
                let k = key();
                let v = Arc::new(compute(&k));
                self.entry = Some((k, Arc::clone(&v)));
                v
            }
        }
    }

    /// Forget the cached value.
    pub fn clear(&mut self) {
        self.entry = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recomputes_only_when_the_key_changes() {
        let mut m: Memo<u32, u32> = Memo::default();
        let calls = std::cell::Cell::new(0);
        let mut get = |k: u32| {
            *m.get(k, |k| {
                calls.set(calls.get() + 1);
                k * 10
            })
        };
        assert_eq!(get(1), 10);
        assert_eq!(get(1), 10);
        assert_eq!(get(2), 20);
        assert_eq!(get(2), 20);
        assert_eq!(calls.get(), 2);
        let mut by: Memo<Vec<f64>, usize> = Memo::default();
        let mut calls = 0;
        for _ in 0..3 {
            let x = [1.0, 2.0];
            let v = by.get_with(
                |k| k[..] == x[..],
                || x.to_vec(),
                |k| {
                    calls += 1;
                    k.len()
                },
            );
            assert_eq!(*v, 2);
        }
        assert_eq!(calls, 1);
    }
}
