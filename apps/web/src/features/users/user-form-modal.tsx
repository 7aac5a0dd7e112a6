import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ORG_SCOPED_ROLES, PASSWORD_MIN_LENGTH, Role, type RoleAssignmentInput, SUGGESTED_ROLE, type UserDto } from '@linli/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, Modal, Select } from 'antd';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { useShowError } from '../../lib/form-errors';
import { roleLabel, withNote } from '../../lib/labels';
import { AreaSelect } from '../areas/area-select';
import { useOrgList } from '../orgs/org-api';
import { createUser, updateUser, userKeys } from './user-api';

type Values = { username: string; displayName: string; password?: string; assignments: RoleAssignmentInput[] };

const isOrgRole = (role: Role | undefined) => Boolean(role && ORG_SCOPED_ROLES.includes(role));

/** Keeps only the scope the role needs: an organisation for org-scoped roles, an area for the rest. */
function cleanAssignments(list: RoleAssignmentInput[]): RoleAssignmentInput[] {
  return list.map((a) => (isOrgRole(a.role) ? { role: a.role, orgId: a.orgId } : { role: a.role, areaId: a.areaId }));
}

/** Creates a user (user = null) or edits name, password and role assignments. */
export function UserFormModal({ user, onClose }: { user: UserDto | null; onClose: () => void }) {
  const me = useSession();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const showError = useShowError(form);
  const assignments = Form.useWatch('assignments', form) ?? [];
  const orgs = useOrgList({}, me.abilities.includes('orgs.read'));
  // the server says which roles the actor may grant; roles the edited user holds stay so the form can show them
  const roles = Role.options.filter((r) => me.grantableRoles.includes(r) || Boolean(user?.scopes.some((s) => s.role === r)));
  const knownAreas = [...me.scopes, ...(user?.scopes ?? [])].flatMap((s) =>
    s.areaId && s.areaName && s.areaKind ? [{ id: s.areaId, name: s.areaName, kind: s.areaKind }] : [],
  );
  const save = useMutation({
    mutationFn: (v: Values) => {
      const list = cleanAssignments(v.assignments);
      if (!user) return createUser({ username: v.username, displayName: v.displayName, password: v.password ?? '', assignments: list });
      return updateUser(user.id, { displayName: v.displayName, assignments: list, ...(v.password ? { password: v.password } : {}) });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      message.success(t('common.saved'));
      onClose();
    },
    onError: showError,
  });
  const need = { required: true, message: t('login.required') };
  const defaultRole = roles.includes(SUGGESTED_ROLE) ? SUGGESTED_ROLE : roles[0];
  const initial: Partial<Values> = user
    ? {
        username: user.username,
        displayName: user.displayName,
        assignments: user.scopes.map((s) => ({ role: s.role, areaId: s.areaId ?? undefined, orgId: s.orgId ?? undefined })),
      }
    : { assignments: defaultRole ? [{ role: defaultRole }] : [] };

  return (
    <Modal
      open
      width={680}
      title={user ? t('users.editTitle', { name: user.displayName }) : t('users.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => save.mutate(v)}
        autoComplete="off"
        data-testid="user-form"
      >
        <Form.Item
          name="username"
          label={t('users.username')}
          extra={user ? undefined : t('users.usernameHint')}
          rules={[need, { pattern: /^[a-z0-9][a-z0-9._-]{2,63}$/, message: t('users.usernameHint') }]}
        >
          <Input disabled={Boolean(user)} data-testid="user-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[need, { max: 64 }]}>
          <Input data-testid="user-display-name" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.password')}
          extra={user ? t('users.passwordEditHint') : undefined}
          rules={[...(user ? [] : [need]), { min: PASSWORD_MIN_LENGTH, message: t('password.minLength', { n: PASSWORD_MIN_LENGTH }) }]}
        >
          <Input.Password autoComplete="new-password" data-testid="user-password" />
        </Form.Item>
        <Form.List
          name="assignments"
          rules={[{ validator: (_, v?: unknown[]) => (v?.length ? Promise.resolve() : Promise.reject(new Error(t('users.atLeastOne')))) }]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Form.Item label={t('users.assignments')} required>
              {fields.map((field) => {
                const role = assignments[field.name]?.role;
                return (
                  <Flex key={field.key} gap={8} align="baseline" wrap>
                    <Form.Item name={[field.name, 'role']} rules={[need]} style={{ minWidth: 160 }}>
                      <Select
                        placeholder={t('users.role')}
                        options={roles.map((r) => ({ value: r, label: roleLabel(r, locale) }))}
                        data-testid={`user-role-${field.name}`}
                      />
                    </Form.Item>
                    {isOrgRole(role) ? (
                      <Form.Item name={[field.name, 'orgId']} rules={[need]} style={{ flex: 1, minWidth: 220 }}>
                        <Select
                          showSearch={{ optionFilterProp: 'label' }}
                          placeholder={t('users.scopeOrg')}
                          loading={orgs.isPending}
                          options={(orgs.data ?? []).map((o) => ({ value: o.id, label: withNote(o.name, o.areaName, locale) }))}
                          data-testid={`user-org-${field.name}`}
                        />
                      </Form.Item>
                    ) : (
                      <Form.Item name={[field.name, 'areaId']} rules={[need]} style={{ flex: 1, minWidth: 220 }}>
                        <AreaSelect placeholder={t('users.scopeArea')} known={knownAreas} testId={`user-area-${field.name}`} />
                      </Form.Item>
                    )}
                    {fields.length > 1 && (
                      <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.delete')} />
                    )}
                  </Flex>
                );
              })}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: defaultRole })} data-testid="user-add-assignment">
                {t('users.addAssignment')}
              </Button>
              <Form.ErrorList errors={errors} />
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
