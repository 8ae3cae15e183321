// Draws the Stats page's charts from the numbers the server put on each canvas
// (data-labels, data-plays, data-minutes); the same numbers are in the table under it.
(function () {
	'use strict';

	function numbers(value) {
		return value ? value.split(',').map(Number) : [];
	}

	function drawSeries(canvas) {
		var labels = canvas.dataset.labels ? canvas.dataset.labels.split(',') : [];
		canvas.chart = new window.Chart(canvas, {
			type: 'bar',
			data: {
				labels: labels,
				datasets: [
					{ label: 'Plays', data: numbers(canvas.dataset.plays), backgroundColor: '#1db954', yAxisID: 'plays' },
					{ label: 'Minutes', data: numbers(canvas.dataset.minutes), type: 'line', borderColor: '#191414',
						backgroundColor: '#191414', pointRadius: 0, yAxisID: 'minutes' }
				]
			},
			options: {
				animation: false,
				maintainAspectRatio: false,
				scales: {
					plays: { type: 'linear', position: 'left', beginAtZero: true, title: { display: true, text: 'Plays' } },
					minutes: { type: 'linear', position: 'right', beginAtZero: true, grid: { drawOnChartArea: false },
						title: { display: true, text: 'Minutes' } }
				}
			}
		});
	}

	document.addEventListener('DOMContentLoaded', function () {
		if (!window.Chart) {
			return;
		}
		document.querySelectorAll('canvas[data-chart="series"]').forEach(drawSeries);
	});
})();
