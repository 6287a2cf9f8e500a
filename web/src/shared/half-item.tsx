// A form item that takes half the row on a wide screen and the whole row on a narrow
// one; set them in a <Row gutter={16}>.

import { Col, Form, type FormItemProps } from 'antd';

export function HalfItem(props: FormItemProps) {
  return (
    <Col xs={24} md={12}>
      <Form.Item {...props} />
    </Col>
  );
}
