// Routes. Each page is its own chunk (React.lazy), so the first load carries only the
// login page and the frame.

import { Result, Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import AppLayout from './components/app-layout.tsx';
import { useSession } from './session.tsx';

const LoginPage = lazy(() => import('./pages/login-page.tsx'));
const WorkbenchPage = lazy(() => import('./pages/workbench-page.tsx'));
const CaseListPage = lazy(() => import('./pages/case-list-page.tsx'));
const CasePage = lazy(() => import('./pages/case-page.tsx'));
const NewApplicationPage = lazy(() => import('./pages/new-application-page.tsx'));
const InterviewPage = lazy(() => import('./pages/interview-page.tsx'));
const AssessmentPage = lazy(() => import('./pages/assessment-page.tsx'));
const PoliciesPage = lazy(() => import('./pages/policies-page.tsx'));
const AdminUsersPage = lazy(() => import('./pages/admin-users-page.tsx'));
const AdminRolesPage = lazy(() => import('./pages/admin-roles-page.tsx'));
const AdminAuditPage = lazy(() => import('./pages/admin-audit-page.tsx'));

const loading = (
  <Spin size="large" style={{ display: 'block', margin: '20vh auto' }} tip="加载中…" />
);

function RequireSession({ children }: { children: ReactNode }) {
  const { user, loading: pending } = useSession();
  if (pending) return loading;
  if (!user) return <Navigate to="/login" replace />;
  return children;
}

export function App() {
  return (
    <BrowserRouter>
      <Suspense fallback={loading}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route
            element={
              <RequireSession>
                <AppLayout />
              </RequireSession>
            }
          >
            <Route index element={<WorkbenchPage />} />
            <Route path="cases" element={<CaseListPage />} />
            <Route path="cases/new" element={<NewApplicationPage />} />
            <Route path="cases/:id" element={<CasePage />} />
            <Route path="cases/:id/interview" element={<InterviewPage />} />
            <Route path="cases/:id/assessment" element={<AssessmentPage />} />
            <Route path="policies" element={<PoliciesPage />} />
            <Route path="admin/users" element={<AdminUsersPage />} />
            <Route path="admin/roles" element={<AdminRolesPage />} />
            <Route path="admin/audit" element={<AdminAuditPage />} />
            <Route path="*" element={<Result status="404" title="页面不存在" />} />
          </Route>
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
