//! Rounding averaged weights to 16-bit multiples of one scale.

/// Largest quantised weight magnitude.
pub const QUANTA: f32 = 32767.0;

/// The scale that maps the largest weight magnitude to [`QUANTA`] (1 when every weight is 0).
pub fn weight_scale(weights: impl IntoIterator<Item = f32>) -> f32 {
    let largest = weights.into_iter().map(f32::abs).fold(0f32, f32::max);
    if largest > 0.0 { largest / QUANTA } else { 1.0 }
}

/// Each weight in units of `scale`, dropping those smaller than `prune_below` units: they
/// hardly ever change a decision and would double the file.
pub fn quantise_weights(weights: impl IntoIterator<Item = (u8, f32)>, scale: f32, prune_below: i32) -> Vec<(u8, i16)> {
    weights
        .into_iter()
        .filter_map(|(class, weight)| {
            let quanta = (weight / scale).round() as i32;
            (quanta.abs() >= prune_below).then_some((class, quanta as i16))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_weight_maps_to_the_top_of_the_range_and_small_ones_are_pruned() {
        let scale = weight_scale([0.5, -2.0, 1.0]);
        assert_eq!(scale, 2.0 / QUANTA);
        let quantised = quantise_weights([(0, 0.5), (1, -2.0), (2, 0.0001)], scale, 8);
        assert_eq!(quantised, [(0, 8192), (1, -32767)]);
        assert_eq!(weight_scale([]), 1.0);
    }
}
