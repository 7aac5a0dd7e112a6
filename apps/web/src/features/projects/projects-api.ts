import {
  type CreateProjectInput,
  EvaluatorOptionsDto,
  type EvidenceNoteInput,
  type MilestoneDoneInput,
  OrgProjectHistoryDto,
  ProjectDto,
  ProjectListDto,
  type ProjectLinkInput,
  type ProjectListQuery,
  type SubmitEvaluationInput,
  type UpdateProjectInput,
} from '@linli/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

const keys = {
  list: (q: ProjectListQuery) => ['projects', 'list', q] as const,
  one: (id: string) => ['projects', 'one', id] as const,
};

export function useProjects(q: ProjectListQuery) {
  return useQuery({ queryKey: keys.list(q), queryFn: () => api.get('/api/projects', ProjectListDto, q) });
}

export function useProject(id: string, enabled = true) {
  return useQuery({ queryKey: keys.one(id), queryFn: () => api.get(`/api/projects/${id}`, ProjectDto), enabled });
}

export function useEvaluatorOptions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['projects', 'evaluator-options', id],
    queryFn: () => api.get(`/api/projects/${id}/evaluator-options`, EvaluatorOptionsDto),
    enabled,
  });
}

export function useOrgHistory(orgId: string) {
  return useQuery({
    queryKey: ['projects', 'org', orgId],
    queryFn: () => api.get(`/api/social-orgs/${orgId}/projects`, OrgProjectHistoryDto),
  });
}

export const createProject = (input: CreateProjectInput) => api.post('/api/projects', input, ProjectDto);
export const updateProject = (id: string, input: UpdateProjectInput) => api.put(`/api/projects/${id}`, input, ProjectDto);

/** One write on a project; it answers the whole project, which replaces the cached one. */
function useProjectWrite<I>(id: string, fn: (input: I) => Promise<ProjectDto>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (dto: ProjectDto) => {
      qc.setQueryData(keys.one(id), dto);
      void qc.invalidateQueries({ queryKey: ['projects', 'list'] });
    },
  });
}

export function useProjectActions(id: string) {
  const base = `/api/projects/${id}`;
  return {
    milestone: useProjectWrite(id, (x: MilestoneDoneInput & { milestoneId: string }) =>
      api.patch(`${base}/milestones/${x.milestoneId}`, { doneOn: x.doneOn }, ProjectDto),
    ),
    kpi: useProjectWrite(id, (x: { kpiId: string; manualValue: number }) =>
      api.patch(`${base}/kpis/${x.kpiId}`, { manualValue: x.manualValue }, ProjectDto),
    ),
    note: useProjectWrite(id, (x: EvidenceNoteInput) => api.post(`${base}/notes`, x, ProjectDto)),
    link: useProjectWrite(id, (x: ProjectLinkInput) => api.post(`${base}/links`, x, ProjectDto)),
    unlink: useProjectWrite(id, (x: ProjectLinkInput) => api.del(`${base}/links/${x.kind}/${x.targetId}`, ProjectDto)),
    upload: useProjectWrite(id, (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload(`${base}/evidence?title=${encodeURIComponent(file.name)}`, form, ProjectDto);
    }),
    assign: useProjectWrite(id, (userId: string) => api.post(`${base}/evaluators`, { userId }, ProjectDto)),
    unassign: useProjectWrite(id, (userId: string) => api.del(`${base}/evaluators/${userId}`, ProjectDto)),
    evaluate: useProjectWrite(id, (x: SubmitEvaluationInput) => api.post(`${base}/evaluations`, x, ProjectDto)),
    reopen: useProjectWrite(id, (evaluationId: string) => api.post(`${base}/evaluations/${evaluationId}/reopen`, {}, ProjectDto)),
  };
}
