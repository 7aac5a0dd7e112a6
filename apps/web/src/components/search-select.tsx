import { Select } from 'antd';
import type { CSSProperties } from 'react';

/** The form binding antd's Form.Item gives a control, plus its test id. */
export type SelectField = { value?: string; onChange?: (id: string | undefined) => void; testId?: string };

type Props = {
  field: SelectField;
  /** called as the user types; the caller searches the server (options are never filtered locally) */
  onSearch: (text: string) => void;
  options: { value: string; label: string }[];
  loading: boolean;
  placeholder: string;
  style?: CSSProperties;
};

/** A clearable select whose options come from a server search as one types. */
export function SearchSelect({ field, onSearch, options, loading, placeholder, style }: Props) {
  return (
    <Select
      showSearch={{ filterOption: false, onSearch }}
      allowClear
      value={field.value}
      onChange={(v?: string) => field.onChange?.(v)}
      options={options}
      loading={loading}
      placeholder={placeholder}
      aria-label={placeholder}
      notFoundContent={null}
      data-testid={field.testId}
      style={style}
    />
  );
}
