// The dashboard's trend chart. The figures come in a JSON data block and
// the labels in data attributes: the Content-Security-Policy runs no
// inline script.
(function () {
  var canvas = document.getElementById('trend');
  var data = document.getElementById('trend-data');
  if (!canvas || !data || typeof Chart === 'undefined') {
    return;
  }
  var trend = JSON.parse(data.textContent);
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: trend.labels,
      datasets: [
        { type: 'line', label: canvas.dataset.received, data: trend.received,
          borderColor: '#0b5cad', backgroundColor: '#0b5cad', tension: 0.2 },
        { label: canvas.dataset.onTime, data: trend.inTime, backgroundColor: '#1e7b34', stack: 'done' },
        { label: canvas.dataset.late, data: trend.late, backgroundColor: '#a4161a', stack: 'done' }
      ]
    },
    options: { maintainAspectRatio: false, animation: false,
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
  });
})();
