import { Alert, Button, Modal, Typography } from 'antd';

/** Shows a new secret (an API key, a webhook secret) the only time the server sends it, with a copy button. */
export function SecretOnceModal(props: {
  title: string;
  warning: string;
  secret: string;
  doneLabel: string;
  onClose: () => void;
  testId: string;
  copyTooltips?: [string, string];
}) {
  return (
    <Modal
      open
      closable={false}
      maskClosable={false}
      title={props.title}
      footer={
        <Button type="primary" onClick={props.onClose} data-testid={`${props.testId}-done`}>
          {props.doneLabel}
        </Button>
      }
    >
      <Alert type="warning" showIcon message={props.warning} style={{ marginBottom: 16 }} />
      <Typography.Paragraph
        code
        copyable={{ text: props.secret, ...(props.copyTooltips ? { tooltips: props.copyTooltips } : {}) }}
        data-testid={props.testId}
        style={{ wordBreak: 'break-all' }}
      >
        {props.secret}
      </Typography.Paragraph>
    </Modal>
  );
}
