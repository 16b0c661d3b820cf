/* Plotly locale 'vi' (written for chibo; loaded before graphs render: config.locale = 'vi'). */
(function () {
  var locale = {
    moduleType: 'locale',
    name: 'vi',
    dictionary: {
      'Autoscale': 'Tự động co giãn',
      'Box Select': 'Chọn vùng chữ nhật',
      'Click to enter Colorscale title': 'Nhấn để nhập tiêu đề thang màu',
      'Click to enter Component A title': 'Nhấn để nhập tiêu đề thành phần A',
      'Click to enter Plot title': 'Nhấn để nhập tiêu đề biểu đồ',
      'Click to enter X axis title': 'Nhấn để nhập tiêu đề trục X',
      'Click to enter Y axis title': 'Nhấn để nhập tiêu đề trục Y',
      'Compare data on hover': 'So sánh dữ liệu khi di chuột',
      'Double-click on legend to isolate one trace': 'Nhấn đúp vào chú giải để chỉ hiện một chuỗi',
      'Double-click to zoom back out': 'Nhấn đúp để thu nhỏ lại',
      'Download plot as a png': 'Tải biểu đồ dạng PNG',
      'Download plot': 'Tải biểu đồ',
      'Lasso Select': 'Chọn tự do',
      'Orbital rotation': 'Xoay quỹ đạo',
      'Pan': 'Di chuyển',
      'Produced with Plotly.js': 'Tạo bằng Plotly.js',
      'Reset': 'Đặt lại',
      'Reset axes': 'Đặt lại trục',
      'Reset camera to default': 'Đặt lại góc nhìn mặc định',
      'Reset camera to last save': 'Đặt lại góc nhìn đã lưu',
      'Reset view': 'Đặt lại khung nhìn',
      'Reset views': 'Đặt lại các khung nhìn',
      'Show closest data on hover': 'Hiện dữ liệu gần nhất khi di chuột',
      'Snapshot succeeded': 'Đã chụp xong',
      'Sorry, there was a problem downloading your snapshot!': 'Rất tiếc, không tải được ảnh!',
      'Taking snapshot - this may take a few seconds': 'Đang chụp ảnh, xin đợi vài giây',
      'Toggle Spike Lines': 'Bật/tắt đường gióng',
      'Toggle show closest data on hover': 'Bật/tắt hiện dữ liệu gần nhất',
      'Turntable rotation': 'Xoay bàn xoay',
      'Zoom': 'Phóng to vùng',
      'Zoom in': 'Phóng to',
      'Zoom out': 'Thu nhỏ'
    },
    format: {
      days: ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'],
      shortDays: ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'],
      months: ['Tháng 1', 'Tháng 2', 'Tháng 3', 'Tháng 4', 'Tháng 5', 'Tháng 6', 'Tháng 7',
               'Tháng 8', 'Tháng 9', 'Tháng 10', 'Tháng 11', 'Tháng 12'],
      shortMonths: ['Th1', 'Th2', 'Th3', 'Th4', 'Th5', 'Th6', 'Th7', 'Th8', 'Th9', 'Th10',
                    'Th11', 'Th12'],
      date: '%d/%m/%Y',
      decimal: ',',
      thousands: '.'
    }
  };
  function register() {
    if (window.Plotly && window.Plotly.register) { window.Plotly.register(locale); return true; }
    return false;
  }
  if (!register()) {
    window.PlotlyLocales = window.PlotlyLocales || [];
    window.PlotlyLocales.push(locale);
    var tries = 0;
    var timer = setInterval(function () { if (register() || ++tries > 200) clearInterval(timer); }, 50);
  }
})();
