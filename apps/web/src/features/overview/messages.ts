import { defineMessages } from '../../app/i18n/define';

/** The home page's e-service supermarket card. */
export const overviewMessages = defineMessages(
  {
    'overview.supermarket': 'e服务超市',
    'overview.toDispatch': '待派单',
    'overview.overdue': '已超时',
    'overview.orgOpen': '本单位未办结',
    'overview.rate30.response': '近 30 天响应率',
    'overview.rate30.resolution': '近 30 天解决率',
    'overview.rate30.satisfaction': '近 30 天满意率',
    'overview.openDesk': '进入派单台',
    'overview.openWorkbench': '进入工作台',
    'overview.openFigures': '查看统计',
  },
  {
    'overview.supermarket': 'E-service supermarket',
    'overview.toDispatch': 'To dispatch',
    'overview.overdue': 'Overdue',
    'overview.orgOpen': 'Open at my organisation',
    'overview.rate30.response': 'Response rate, 30 days',
    'overview.rate30.resolution': 'Resolution rate, 30 days',
    'overview.rate30.satisfaction': 'Satisfaction rate, 30 days',
    'overview.openDesk': 'Open the desk',
    'overview.openWorkbench': 'Open the workbench',
    'overview.openFigures': 'See the figures',
  },
);
