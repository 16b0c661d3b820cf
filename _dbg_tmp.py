from dashboard.app import create_app
app=create_app('/tmp/qp/warehouse.duckdb')
from dashboard import access, urlstate
from dashboard.components import chart_card
st,_=urlstate.parse("?qgrain=quarter&period=5y", urlstate.choices_for(access.current_scope()))
fig=chart_card.build_figure("quality-score", st, "light")
print(fig.layout.xaxis)
print([ (s.x0, s.type) for s in fig.layout.shapes])
print([ (a.x, a.text[:20]) for a in fig.layout.annotations])
print(fig.data[0].x[:3], fig.data[0].x[-3:])
import plotly.io as pio, copy
full = fig.full_figure_for_development(warn=False)
print("with events", full.layout.xaxis.range)
f2 = copy.deepcopy(fig); f2.layout.annotations = f2.layout.annotations[:1]
print("no event labels", f2.full_figure_for_development(warn=False).layout.xaxis.range)
f3 = copy.deepcopy(fig); f3.layout.shapes = []
print("no vlines", f3.full_figure_for_development(warn=False).layout.xaxis.range)
